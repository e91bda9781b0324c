import { describe, expect, it } from "vitest";
import { h } from "vue";
import type { RouteRecordRaw } from "vue-router";
import { consolePages } from "./console-pages";

const Page = { render: () => h("p") };

const schoolRoutes: RouteRecordRaw[] = [
  { path: "", name: "school-records", component: Page, meta: { navKey: "school.nav.records" } },
  { path: "staff", name: "school-staff", component: Page, meta: { navKey: "school.nav.staff", roles: ["SCHOOL_ADMIN"] } },
  { path: "records/:id", name: "school-record", component: Page },
  {
    path: "admin",
    meta: { roles: ["SCHOOL_ADMIN"] },
    children: [{ path: "settings", name: "school-settings", component: Page, meta: { navKey: "school.nav.settings" } }],
  },
];

describe("a console's own menu", () => {
  it("lists the pages with a menu entry in the remote's order, each at its full path", () => {
    expect(consolePages(schoolRoutes, "/school", ["SCHOOL_ADMIN"])).toEqual([
      { name: "school-records", path: "/school", navKey: "school.nav.records" },
      { name: "school-staff", path: "/school/staff", navKey: "school.nav.staff" },
      { name: "school-settings", path: "/school/admin/settings", navKey: "school.nav.settings" },
    ]);
  });

  it("leaves out pages, and sections, the roles held may not open", () => {
    expect(consolePages(schoolRoutes, "/school", ["CLASS_TEACHER"]).map((page) => page.name)).toEqual(["school-records"]);
  });

  it("has nothing for a remote that has not loaded", () => {
    expect(consolePages([], "/bureau", ["PROVINCE_INSTITUTE"])).toEqual([]);
  });
});
