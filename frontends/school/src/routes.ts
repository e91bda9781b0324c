import type { RouteRecordRaw } from "vue-router";

export { messages } from "./i18n";

/** Exposed as `./routes`: the shell mounts these under /school; standalone they start at /. */
const routes: RouteRecordRaw[] = [
  { path: "", name: "school-records", component: () => import("./pages/ExamRecordsPage.vue"), meta: { titleKey: "school.title" } },
];

export default routes;
