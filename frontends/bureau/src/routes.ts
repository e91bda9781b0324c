import type { RouteRecordRaw } from "vue-router";

export { messages } from "./i18n";

/** Exposed as `./routes`: the shell mounts these under /bureau; standalone they start at /. */
const routes: RouteRecordRaw[] = [
  { path: "", name: "bureau-overview", component: () => import("./pages/BureauOverviewPage.vue"), meta: { titleKey: "bureau.title" } },
];

export default routes;
