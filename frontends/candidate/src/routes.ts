import type { RouteRecordRaw } from "vue-router";

export { messages } from "./i18n";

/** Exposed as `./routes`: the shell mounts these under /candidate; standalone they start at /. */
const routes: RouteRecordRaw[] = [
  {
    path: "",
    name: "candidate-sessions",
    component: () => import("./pages/ExamSessionsPage.vue"),
    meta: { titleKey: "candidate.title", navKey: "candidate.nav.sessions" },
  },
  {
    path: "pre-registration",
    name: "candidate-pre-registration",
    component: () => import("./pages/PreRegistrationPage.vue"),
    meta: { titleKey: "candidate.preRegistration.heading", navKey: "candidate.preRegistration.nav" },
  },
  {
    path: "subjects",
    name: "candidate-subjects",
    component: () => import("./pages/SubjectRegistrationPage.vue"),
    meta: { titleKey: "candidate.subjects.heading", navKey: "candidate.nav.subjects" },
  },
  {
    path: "results",
    name: "candidate-results",
    component: () => import("./pages/MyResultsPage.vue"),
    meta: { titleKey: "candidate.results.heading", navKey: "candidate.nav.results" },
  },
  {
    path: "certification",
    name: "candidate-certification",
    component: () => import("./pages/CertificationPage.vue"),
    meta: { titleKey: "candidate.certification.heading", navKey: "candidate.nav.certification" },
  },
];

export default routes;
