import type { RouteRecordRaw } from "vue-router";

export { messages } from "./i18n";

/** Exposed as `./routes`: the shell mounts these under /candidate; standalone they start at /. */
const routes: RouteRecordRaw[] = [
  { path: "", name: "candidate-sessions", component: () => import("./pages/ExamSessionsPage.vue"), meta: { titleKey: "candidate.title", navKey: "candidate.sessions.heading" } },
  {
    path: "pre-registration",
    name: "candidate-pre-registration",
    component: () => import("./pages/PreRegistrationPage.vue"),
    meta: { titleKey: "candidate.preRegistration.heading", navKey: "candidate.preRegistration.nav" },
  },
];

export default routes;
