import type { RouteRecordRaw } from "vue-router";
import type { Role } from "@xuekao/graphql-client";

export { messages } from "./i18n";

/**
 * Exposed as `./routes`: the shell mounts these under /bureau; standalone they start at /.
 * `navKey` gives a page its entry in the console's menu; `roles` limits a page to some of the
 * console's roles: the shell lists it and opens it only for them (the server checks again).
 */
const routes: RouteRecordRaw[] = [
  {
    path: "",
    name: "bureau-overview",
    component: () => import("./pages/BureauOverviewPage.vue"),
    meta: { titleKey: "bureau.title", navKey: "bureau.nav.overview" },
  },
  {
    path: "certification-review",
    name: "bureau-certification-review",
    component: () => import("./pages/CertificationReviewPage.vue"),
    meta: {
      titleKey: "bureau.review.heading",
      navKey: "bureau.nav.review",
      roles: ["CERTIFICATION_REVIEWER", "COUNTY_AGENCY", "LEAGUE_AGENCY", "PROVINCE_INSTITUTE"] satisfies Role[],
    },
  },
  {
    path: "organizations",
    name: "bureau-organization-admin",
    component: () => import("./pages/OrganizationAdminPage.vue"),
    meta: { titleKey: "bureau.admin.title", navKey: "bureau.nav.organizations", roles: ["PROVINCE_INSTITUTE"] satisfies Role[] },
  },
  {
    path: "workflows",
    name: "bureau-workflow-definitions",
    component: () => import("./pages/WorkflowDefinitionsPage.vue"),
    meta: { titleKey: "bureau.workflows.heading", navKey: "bureau.nav.workflows", roles: ["PROVINCE_INSTITUTE"] satisfies Role[] },
  },
  {
    path: "certification-settings",
    name: "bureau-certification-settings",
    component: () => import("./pages/CertificationSettingsPage.vue"),
    meta: { titleKey: "bureau.certificationSettings.heading", navKey: "bureau.nav.certificationSettings", roles: ["PROVINCE_INSTITUTE"] satisfies Role[] },
  },
  {
    path: "exam-sessions",
    name: "bureau-exam-sessions",
    component: () => import("./pages/ExamSessionsAdminPage.vue"),
    meta: { titleKey: "bureau.sessions.heading", navKey: "bureau.nav.sessions", roles: ["PROVINCE_INSTITUTE"] satisfies Role[] },
  },
  {
    path: "results-import",
    name: "bureau-results-import",
    component: () => import("./pages/ResultsImportPage.vue"),
    meta: { titleKey: "bureau.results.heading", navKey: "bureau.nav.results", roles: ["PROVINCE_INSTITUTE", "LEAGUE_AGENCY"] satisfies Role[] },
  },
  {
    path: "sms-deliveries",
    name: "bureau-sms-deliveries",
    component: () => import("./pages/SmsDeliveriesPage.vue"),
    meta: { titleKey: "bureau.sms.title", navKey: "bureau.nav.smsDeliveries", roles: ["PROVINCE_INSTITUTE"] satisfies Role[] },
  },
  {
    path: "pre-registration-collection",
    name: "bureau-pre-registration-collection",
    component: () => import("./pages/PreRegistrationCollectionPage.vue"),
    meta: {
      titleKey: "bureau.preRegistration.collectionHeading",
      navKey: "bureau.preRegistration.collectionHeading",
      roles: ["COUNTY_AGENCY"] satisfies Role[],
    },
  },
  {
    path: "social-pre-registration",
    name: "bureau-social-pre-registration",
    component: () => import("./pages/SocialPreRegistrationReviewPage.vue"),
    meta: {
      titleKey: "bureau.preRegistration.reviewHeading",
      navKey: "bureau.preRegistration.reviewHeading",
      roles: ["COUNTY_AGENCY", "PROVINCE_INSTITUTE"] satisfies Role[],
    },
  },
];

export default routes;
