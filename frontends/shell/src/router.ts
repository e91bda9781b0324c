import { createRouter, createWebHistory, type RouteLocationNormalized, type RouteRecordRaw, type Router, type RouterHistory } from "vue-router";
import type { Role } from "@xuekao/graphql-client";
import type { RemoteConfig } from "../runtime-config";
import AppLayout from "./layout/AppLayout.vue";
import HomePage from "./pages/HomePage.vue";
import NotFoundPage from "./pages/NotFoundPage.vue";
import RemoteView from "./remotes/RemoteView.vue";
import { LAYOUT_ROUTE } from "./stores/remotes";
import { isConsoleName, rolesAllow, type ConsoleName } from "./auth/consoles";

declare module "vue-router" {
  interface RouteMeta {
    titleKey?: string;
    /** The console (remote) this page belongs to: only users whose roles allow it may open it. */
    console?: string;
    /**
     * A remote's page that only some of its console's roles may use (any one of them suffices),
     * e.g. the school admin's class and staff page. Without it every role of the console may.
     */
    roles?: readonly Role[];
    /** i18n key of the page's entry in its console's menu; a page without one has no entry. */
    navKey?: string;
    /** Any signed-in user. */
    requiresAuth?: boolean;
    /** Login and registration: a signed-in user is sent on. */
    guestOnly?: boolean;
  }
}

/**
 * Each remote starts as a catch-all under its prefix that loads the remote; once loaded, the
 * remote's own routes are added and, being more specific, win over the catch-all.
 */
export function shellRoutes(remotes: RemoteConfig[]): RouteRecordRaw[] {
  return [
    {
      path: "/",
      name: LAYOUT_ROUTE,
      component: AppLayout,
      children: [
        { path: "", name: "home", component: HomePage },
        { path: "login", name: "login", component: () => import("./pages/LoginPage.vue"), meta: { guestOnly: true, titleKey: "auth.login.title" } },
        { path: "register", name: "register", component: () => import("./pages/RegisterPage.vue"), meta: { guestOnly: true, titleKey: "auth.register.title" } },
        // Public: whoever holds a certificate (a school, an employer) checks it without an account.
        { path: "verify", name: "verify", component: () => import("./pages/VerifyCertificatePage.vue"), meta: { titleKey: "verify.title" } },
        { path: "verify/:code", name: "verify-code", component: () => import("./pages/VerifyCertificatePage.vue"), meta: { titleKey: "verify.title" } },
        { path: "no-access", name: "no-access", component: () => import("./pages/NoAccessPage.vue"), meta: { requiresAuth: true, titleKey: "auth.noAccess.title" } },
        {
          path: "account/password",
          name: "change-password",
          component: () => import("./pages/ChangePasswordPage.vue"),
          meta: { requiresAuth: true, titleKey: "auth.changePassword.title" },
        },
        {
          path: "account/mobile",
          name: "change-mobile",
          component: () => import("./pages/ChangeMobilePage.vue"),
          meta: { requiresAuth: true, titleKey: "auth.changeMobile.title" },
        },
        ...remotes.map((remote) => ({
          path: `${remote.prefix.replace(/^\//, "")}/:rest(.*)*`,
          name: `remote-${remote.name}`,
          component: RemoteView,
          props: { name: remote.name },
          meta: { console: remote.name },
        })),
        { path: ":rest(.*)*", name: "not-found", component: NotFoundPage },
      ],
    },
  ];
}

/** What the navigation guard needs to know about the session. */
export interface SessionView {
  readonly isAuthenticated: boolean;
  readonly consoles: readonly ConsoleName[];
  /** The roles of all the user's bindings. */
  readonly roleNames: readonly Role[];
  /** The password was set by someone else: nothing but changing it until it is changed. */
  readonly passwordChangeRequired: boolean;
  ensureUser(): Promise<void>;
}

/** Where a signed-in user lands: their only console, or the home page listing several. */
export function landingPath(consoles: readonly ConsoleName[], remotes: readonly RemoteConfig[]): string {
  if (consoles.length !== 1) return "/";
  return remotes.find((remote) => remote.name === consoles[0])?.prefix ?? "/";
}

/** A redirect target from the query, only ever a path of this site. */
export function safeRedirect(value: unknown): string | null {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") ? value : null;
}

/**
 * Deny by default: consoles need a role for them, and a page marked with roles one of those;
 * account pages need a session; the rest is public.
 */
export async function authorize(to: RouteLocationNormalized, session: SessionView, remotes: readonly RemoteConfig[]) {
  const consoleName = to.matched.map((record) => record.meta.console).find((name) => name !== undefined);
  const needsSession = consoleName !== undefined || to.matched.some((record) => record.meta.requiresAuth);

  if (to.meta.guestOnly) {
    if (!session.isAuthenticated) return true;
    await session.ensureUser();
    if (!session.isAuthenticated) return true;
    const next = safeRedirect(to.query.redirect) ?? landingPath(session.consoles, remotes);
    return session.passwordChangeRequired ? { name: "change-password", query: { redirect: next } } : next;
  }
  if (!needsSession) return true;
  if (!session.isAuthenticated) return { name: "login", query: { redirect: to.fullPath } };
  await session.ensureUser();
  if (!session.isAuthenticated) return { name: "login", query: { redirect: to.fullPath } };
  // The server refuses everything else anyway (PASSWORD_CHANGE_REQUIRED); say why first.
  if (session.passwordChangeRequired && to.name !== "change-password") {
    return { name: "change-password", query: { redirect: to.fullPath } };
  }
  if (consoleName !== undefined && !(isConsoleName(consoleName) && session.consoles.includes(consoleName))) {
    return { name: "no-access", query: { from: to.fullPath } };
  }
  if (!to.matched.every((record) => rolesAllow(record.meta.roles, session.roleNames))) {
    return { name: "no-access", query: { from: to.fullPath } };
  }
  return true;
}

export function installAuthGuard(
  router: Router,
  session: SessionView & { onExpired(listener: () => void): void },
  remotes: readonly RemoteConfig[],
) {
  let navigating = false;
  router.beforeEach(async (to) => {
    navigating = true;
    return authorize(to, session, remotes);
  });
  router.afterEach(() => {
    navigating = false;
  });
  router.onError(() => {
    navigating = false;
  });
  // A session that ends while the user is on a page: log in again and come back to it. During a
  // navigation the guard itself redirects, with the page being opened as the way back.
  session.onExpired(() => {
    const current = router.currentRoute.value;
    if (!navigating && current.name !== "login") void router.push({ name: "login", query: { redirect: current.fullPath } });
  });
}

export function createShellRouter(remotes: RemoteConfig[], history: RouterHistory = createWebHistory()) {
  return createRouter({ history, routes: shellRoutes(remotes), scrollBehavior: () => ({ top: 0 }) });
}
