import { describe, expect, it } from "vitest";
import { h } from "vue";
import { createMemoryHistory } from "vue-router";
import type { Role } from "@xuekao/graphql-client";
import type { RemoteConfig } from "../runtime-config";
import { authorize, createShellRouter, landingPath, safeRedirect, type SessionView } from "./router";
import { LAYOUT_ROUTE } from "./stores/remotes";
import type { ConsoleName } from "./auth/consoles";

const remotes = (["candidate", "school", "bureau"] as const).map((name) => ({ name, prefix: `/${name}` })) as unknown as RemoteConfig[];
const router = createShellRouter(remotes, createMemoryHistory());
const session = (isAuthenticated: boolean, consoles: ConsoleName[] = [], roleNames: Role[] = [], passwordChangeRequired = false): SessionView => ({
  isAuthenticated,
  consoles,
  roleNames,
  passwordChangeRequired,
  ensureUser: async () => {},
});
const check = (path: string, view: SessionView) => authorize(router.resolve(path) as never, view, remotes);

describe("an initial password set by someone else", () => {
  const teacher = () => session(true, ["school"], ["CLASS_TEACHER"], true);

  it("sends the person to change it, wherever they were going, and lets them go on afterwards", async () => {
    expect(await check("/school", teacher())).toEqual({ name: "change-password", query: { redirect: "/school" } });
    expect(await check("/account/password", teacher())).toBe(true);
    expect(await check("/login?redirect=/school", teacher())).toEqual({ name: "change-password", query: { redirect: "/school" } });
    expect(await check("/school", session(true, ["school"], ["CLASS_TEACHER"], false))).toBe(true);
  });
});

describe("navigation by role", () => {
  it("lets anyone see the home page and the login page", async () => {
    expect(await check("/", session(false))).toBe(true);
    expect(await check("/login", session(false))).toBe(true);
  });

  it("sends visitors to login with the way back", async () => {
    expect(await check("/school/records?page=2", session(false))).toEqual({ name: "login", query: { redirect: "/school/records?page=2" } });
    expect(await check("/account/password", session(false))).toEqual({ name: "login", query: { redirect: "/account/password" } });
  });

  it("opens a console only to roles that work in it, and shows no-access otherwise", async () => {
    expect(await check("/candidate", session(true, ["candidate"]))).toBe(true);
    expect(await check("/school", session(true, ["candidate"]))).toEqual({ name: "no-access", query: { from: "/school" } });
    expect(await check("/bureau/cases", session(true, ["candidate"]))).toEqual({ name: "no-access", query: { from: "/bureau/cases" } });
  });

  it("opens both consoles to a user with bindings in two", async () => {
    const both = session(true, ["school", "bureau"]);
    expect(await check("/school", both)).toBe(true);
    expect(await check("/bureau", both)).toBe(true);
    expect(await check("/candidate", both)).toEqual({ name: "no-access", query: { from: "/candidate" } });
  });

  it("opens a page marked with roles only to those roles, inside a console the user may open", async () => {
    // As the remotes store installs a loaded remote: its routes under the console's prefix.
    const Page = { render: () => h("p") };
    router.addRoute(LAYOUT_ROUTE, {
      path: "school",
      meta: { console: "school" },
      children: [
        { path: "", name: "school-records", component: Page },
        { path: "staff", name: "school-staff", component: Page, meta: { roles: ["SCHOOL_ADMIN"] } },
      ],
    });
    expect(await check("/school/staff", session(true, ["school"], ["SCHOOL_ADMIN"]))).toBe(true);
    expect(await check("/school", session(true, ["school"], ["CLASS_TEACHER"]))).toBe(true);
    expect(await check("/school/staff", session(true, ["school"], ["CLASS_TEACHER"]))).toEqual({ name: "no-access", query: { from: "/school/staff" } });
    expect(await check("/school/staff", session(true, ["candidate"], ["CANDIDATE_IN_SCHOOL"]))).toEqual({ name: "no-access", query: { from: "/school/staff" } });
    router.removeRoute("school-staff");
    router.removeRoute("school-records");
  });

  it("sends a signed-in user away from login to their console or back where they were going", async () => {
    expect(await check("/login", session(true, ["school"]))).toBe("/school");
    expect(await check("/login?redirect=/school/x", session(true, ["school"]))).toBe("/school/x");
    expect(landingPath(["school", "bureau"], remotes)).toBe("/");
  });

  it("follows only same-site redirects", () => {
    expect(safeRedirect("/school")).toBe("/school");
    expect(safeRedirect("//evil.example")).toBeNull();
    expect(safeRedirect("https://evil.example")).toBeNull();
  });
});
