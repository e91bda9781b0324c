import { createRouter, createWebHistory, type RouteRecordRaw, type RouterHistory } from "vue-router";
import type { RemoteConfig } from "../runtime-config";
import AppLayout from "./layout/AppLayout.vue";
import HomePage from "./pages/HomePage.vue";
import NotFoundPage from "./pages/NotFoundPage.vue";
import RemoteView from "./remotes/RemoteView.vue";
import { LAYOUT_ROUTE } from "./stores/remotes";

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
        ...remotes.map((remote) => ({
          path: `${remote.prefix.replace(/^\//, "")}/:rest(.*)*`,
          name: `remote-${remote.name}`,
          component: RemoteView,
          props: { name: remote.name },
        })),
        { path: ":rest(.*)*", name: "not-found", component: NotFoundPage },
      ],
    },
  ];
}

export function createShellRouter(remotes: RemoteConfig[], history: RouterHistory = createWebHistory()) {
  return createRouter({ history, routes: shellRoutes(remotes), scrollBehavior: () => ({ top: 0 }) });
}
