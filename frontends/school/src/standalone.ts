// Runs this remote on its own (`vite` / `vite preview` in this folder) for development.
import { createApp } from "vue";
import { createPinia } from "pinia";
import { createI18n } from "vue-i18n";
import { createRouter, createWebHistory } from "vue-router";
import ElementPlus from "element-plus";
import zhCn from "element-plus/es/locale/lang/zh-cn";
import "element-plus/dist/index.css";
import StandaloneApp from "./StandaloneApp.vue";
import routes, { messages } from "./routes";

document.documentElement.lang = "zh-CN";
const i18n = createI18n({ legacy: false, locale: "zh-CN", fallbackLocale: "zh-CN", messages });
const router = createRouter({ history: createWebHistory(), routes: [{ path: "/", children: routes }] });

createApp(StandaloneApp).use(createPinia()).use(i18n).use(router).use(ElementPlus, { locale: zhCn }).mount("#app");
