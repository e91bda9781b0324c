import type { RouteRecordRaw } from "vue-router";

export { messages } from "./i18n";

/** Exposed as `./routes`: the shell mounts these under /candidate; standalone they start at /. */
const routes: RouteRecordRaw[] = [
  { path: "", name: "candidate-sessions", component: () => import("./pages/ExamSessionsPage.vue"), meta: { titleKey: "candidate.title" } },
];

export default routes;
