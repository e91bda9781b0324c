import { createApp, h } from "vue";
import { createPinia } from "pinia";
import ElementPlus, { ElResult } from "element-plus";
import "element-plus/dist/index.css";
import "./theme.css";
import "./styles.css";
import App from "./App.vue";
import { i18n } from "./i18n";
import { createShellRouter, installAuthGuard } from "./router";
import { fetchRuntimeConfig, useShellConfigStore } from "./stores/config";
import { useRemotesStore } from "./stores/remotes";
import { useAuthStore } from "./stores/auth";
import { createFederationLoader } from "./remotes/federation-loader";
import { makeSelectListsFocusable } from "@xuekao/ui";

async function start() {
  let config;
  try {
    config = await fetchRuntimeConfig();
  } catch (error) {
    console.error("[shell] cannot load /config.json", error);
    createApp({ render: () => h(ElResult, { icon: "error", title: i18n.global.t("shell.configFailed") }) })
      .use(i18n)
      .mount("#app");
    return;
  }

  const app = createApp(App);
  const pinia = createPinia();
  const router = createShellRouter(config.remotes);
  // The guard must be in place before the router's first navigation (app.use(router) starts it).
  const auth = useAuthStore(pinia);
  installAuthGuard(router, auth, config.remotes);
  app.use(pinia).use(i18n).use(router).use(ElementPlus);

  useShellConfigStore(pinia).config = config;
  useRemotesStore(pinia).configure({
    remotes: config.remotes,
    loader: createFederationLoader(config.remotes),
    router,
    messages: i18n.global,
  });

  await router.isReady();
  app.mount("#app");
  makeSelectListsFocusable();
}

void start();
