// THROWAWAY development stand-in for the real gateway, used only while the real one is being
// built. Not imported by any committed test.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { buildSchema, graphql } from "graphql";

const sdl = readFileSync(new URL("../../../gateway/api.graphql", import.meta.url), "utf8");
const schema = buildSchema(sdl);

const users = [
  { id: "u1", displayName: "张小明", unreadNotificationCount: 2 },
  { id: "u2", displayName: "李华", unreadNotificationCount: 0 },
  { id: "u3", displayName: "巴特尔", unreadNotificationCount: 1 },
];
const orgs = [
  { id: "o1", code: "110000", name: "北京教育考试院", kind: "PROVINCE", parentId: null },
  { id: "o2", code: "110108", name: "海淀区招生考试中心", kind: "COUNTY", parentId: "o1" },
  { id: "o3", code: "110108001", name: "北京市第一零一中学", kind: "SCHOOL", parentId: "o2" },
  { id: "o4", code: "150000", name: "内蒙古教育招生考试中心", kind: "PROVINCE", parentId: null },
  { id: "o5", code: "150100", name: "呼和浩特市招生考试中心", kind: "LEAGUE", parentId: "o4" },
];

export async function startDevGateway(mode: "ok" | "partial" | "error" | "empty" = "ok") {
  const rootValue = {
    examSessions: () =>
      mode === "empty"
        ? []
        : [
            { id: "s1", code: "2026-06-BJ", name: "2026年6月北京市普通高中学业水平合格性考试", registrationOpensAt: "2026-03-01T01:00:00Z", registrationClosesAt: "2026-03-15T09:00:00Z" },
            { id: "s2", code: "2026-12-BJ", name: "2026年12月北京市普通高中学业水平合格性考试", registrationOpensAt: "2026-09-01T01:00:00Z", registrationClosesAt: "2026-09-15T09:00:00Z" },
          ],
    examRecords: ({ limit }: { limit: number }) =>
      users.slice(0, limit).map((u, i) => ({
        id: `r${i}`,
        recordNumber: `11010820260${i}`,
        status: ["REGISTERED", "PRE_REGISTERED", "SUSPENDED"][i],
        candidate: mode === "partial" ? () => { throw new Error("identity 服务暂不可用"); } : u,
        school: orgs[2],
      })),
    organizations: () => orgs,
    certificationCases: () => [
      { id: "c1", originProvinceCode: "150000", status: "PENDING_REVIEW", submittedAt: "2026-04-02T02:30:00Z", candidate: users[2] },
      { id: "c2", originProvinceCode: "110000", status: "APPROVED", submittedAt: "2026-03-20T06:00:00Z", candidate: users[0] },
    ],
  };
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", async () => {
      if (mode === "error") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data: null, errors: [{ message: "网关内部错误", extensions: { code: "INTERNAL" } }] }));
        return;
      }
      const { query, variables } = JSON.parse(raw || "{}");
      const result = await graphql({ schema, source: query, rootValue, variableValues: variables });
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { gatewayUrl: url, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
