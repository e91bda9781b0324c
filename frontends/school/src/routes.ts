import type { RouteRecordRaw } from "vue-router";
import type { Role } from "@xuekao/graphql-client";

export { messages } from "./i18n";

/**
 * Exposed as `./routes`: the shell mounts these under /school; standalone they start at /.
 * `navKey` gives a page its entry in the console's menu; `roles` limits a page to some of the
 * console's roles: the shell lists it and opens it only for them (the server checks again).
 */
const routes: RouteRecordRaw[] = [
  {
    path: "",
    name: "school-records",
    component: () => import("./pages/ExamRecordsPage.vue"),
    meta: { titleKey: "school.title", navKey: "school.nav.records" },
  },
  {
    path: "roster",
    name: "school-roster",
    component: () => import("./pages/RosterPage.vue"),
    meta: { titleKey: "school.roster.title", navKey: "school.nav.roster", roles: ["SCHOOL_ADMIN", "SCHOOL_STAFF", "CLASS_TEACHER"] satisfies Role[] },
  },
  {
    path: "results",
    name: "school-results",
    component: () => import("./pages/SessionResultsPage.vue"),
    meta: { titleKey: "school.results.heading", navKey: "school.nav.results" },
  },
  {
    path: "staff",
    name: "school-staff",
    component: () => import("./pages/StaffAccountsPage.vue"),
    meta: { titleKey: "school.staff.title", navKey: "school.nav.staff", roles: ["SCHOOL_ADMIN"] satisfies Role[] },
  },
  {
    path: "pre-registration-review",
    name: "school-pre-registration-review",
    component: () => import("./pages/PreRegistrationReviewPage.vue"),
    meta: { titleKey: "school.preRegistration.heading", navKey: "school.preRegistration.heading", roles: ["CLASS_TEACHER"] satisfies Role[] },
  },
  {
    path: "certification",
    name: "school-certification",
    component: () => import("./pages/SchoolCertificationPage.vue"),
    meta: { titleKey: "school.certification.heading", navKey: "school.nav.certification", roles: ["SCHOOL_ADMIN"] satisfies Role[] },
  },
];

export default routes;
