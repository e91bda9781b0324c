import { MikroORM } from "@mikro-orm/core";
import { ormConfig, scratchDatabase, subgraphEntities } from "@xuekao/subgraph-kit";
import { describe, expect, it } from "vitest";
import { testDrivers } from "@xuekao/subgraph-kit/testing";
import { CertificationCase } from "./certification-case.entity.js";
import { certificationSubgraph } from "../../subgraph.js";

const drivers = await testDrivers();
// The last migration before cases became drafts (created_at, started_by; submitted_at optional).
const BEFORE_DRAFTS = { libsql: "Migration20261130205433", postgresql: "Migration20261130205434" } as const;

/**
 * A database made before certification cases had drafts holds submitted cases; the migration that
 * adds drafts keeps each one (on libsql by rebuilding the table by hand) and dates its creation to
 * its submission. Tested on a case written in the old shape, not on an empty table.
 */
describe.each(drivers)("the migration to draft cases on %s", (driver) => {
  it("keeps an existing case, created when it was submitted and started by its candidate", async () => {
    const scratch = await scratchDatabase(driver, "cert_case_rebuild");
    const orm = await MikroORM.init(
      ormConfig({ target: scratch.target, entities: subgraphEntities(certificationSubgraph), migrations: certificationSubgraph.migrations }),
    );
    try {
      await orm.schema.ensureDatabase();
      const migrator = orm.getMigrator();
      const before = (await migrator.getPendingMigrations()).map((migration) => migration.name);
      expect(before).toContain(BEFORE_DRAFTS[driver]);
      await migrator.up({ to: BEFORE_DRAFTS[driver] });

      const caseId = "5b0c2f36-8c51-4a39-9a36-1f1f0c6a0001";
      const candidateId = "5b0c2f36-8c51-4a39-9a36-1f1f0c6a0002";
      const submittedAt = new Date("2030-03-04T05:06:07.000Z");
      await orm.em.getConnection().execute(
        "insert into certification_case (id, candidate_id, organization_path, origin_province_code, certifying_province_code, status, submitted_at, kind) values (?, ?, ?, ?, ?, ?, ?, ?)",
        [caseId, candidateId, "/11/", "13", "11", "PENDING_REVIEW", driver === "libsql" ? submittedAt.getTime() : submittedAt, "certification.returning-candidate"],
      );

      await migrator.up();
      expect(await migrator.checkMigrationNeeded()).toBe(false);
      const kept = await orm.em.fork().findOneOrFail(CertificationCase, caseId);
      expect({
        status: kept.status,
        origin: kept.originProvinceCode,
        createdAt: kept.createdAt.toISOString(),
        submittedAt: kept.submittedAt?.toISOString(),
        startedBy: kept.startedBy,
      }).toEqual({ status: "PENDING_REVIEW", origin: "13", createdAt: submittedAt.toISOString(), submittedAt: submittedAt.toISOString(), startedBy: candidateId });
    } finally {
      await orm.close();
      await scratch.drop();
    }
  });
});
