// Runs a remote on its own (`vite` / `vite preview` in its folder) for development. A separate
// entry from "@xuekao/ui" so Element Plus's stylesheet never enters the bundles the shell loads.
import { createApp, type App } from "vue";
import { createPinia } from "pinia";
import { createI18n, type I18nOptions } from "vue-i18n";
import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import ElementPlus from "element-plus";
import zhCn from "element-plus/es/locale/lang/zh-cn";
import "element-plus/dist/index.css";
import { makeSelectListsFocusable } from "../select-lists";
import StandaloneApp from "./StandaloneApp.vue";

export { StandaloneApp };

export interface StandaloneOptions {
  /** i18n key of the remote's title, shown in the header, e.g. "candidate.title". */
  titleKey: string;
  /** The remote's exposed routes; standalone they start at /. */
  routes: RouteRecordRaw[];
  /** The remote's messages, as merged into the shell's i18n. */
  messages: I18nOptions["messages"];
  /** Where to mount; "#app" in the remote's index.html. */
  selector?: string;
}

export function mountStandalone({ titleKey, routes, messages, selector = "#app" }: StandaloneOptions): App {
  document.documentElement.lang = "zh-CN";
  const i18n = createI18n({ legacy: false, locale: "zh-CN", fallbackLocale: "zh-CN", messages });
  const router = createRouter({ history: createWebHistory(), routes: [{ path: "/", children: routes }] });

  const app = createApp(StandaloneApp, { titleKey });
  app.use(createPinia()).use(i18n).use(router).use(ElementPlus, { locale: zhCn });
  app.mount(selector);
  makeSelectListsFocusable();
  return app;
}
