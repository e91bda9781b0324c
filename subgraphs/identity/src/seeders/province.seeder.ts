import { Role } from "@xuekao/subgraph-kit";
import {
  PROVINCE_PASSWORD,
  provinceCandidate,
  provinceCountyUsername,
  provinceId,
  provinceSchools,
  provinceTeacherUsername,
  type DemoOrganization,
  type ProvincePlan,
} from "@xuekao/demo-data";
import type { IdentityContext } from "../identity-context.js";
import { hashPassword } from "../modules/credential/password.js";
import { MOBILE_LOOKUP, User } from "../modules/user/user.entity.js";
import { RoleBinding } from "../modules/role-binding/role-binding.entity.js";
import { Organization, OrganizationKind } from "../modules/organization/organization.entity.js";

/** The username that marks a seeded province (the province institute's bench account). */
export const PROVINCE_MARKER_USERNAME = "bench-province";

export interface ProvinceSeedProgress {
  (what: string, done: number, total: number): void;
}

/**
 * The bench province's organisations, staff and candidates in identity (benchmarks only): rows
 * written in batches of `batchSize`, each batch one flush (multi-row inserts) in its own
 * transaction, the entity manager cleared after each so memory stays flat. Refuses to run twice
 * (the marker account exists). Configuration, not decisions: no audit entries and no events
 * (registry's directory is written by the registry seeder).
 */
export async function seedIdentityProvince(ctx: IdentityContext, plan: ProvincePlan, options: { batchSize?: number; progress?: ProvinceSeedProgress } = {}): Promise<void> {
  const batchSize = options.batchSize ?? 2000;
  const progress = options.progress ?? (() => undefined);
  const em = ctx.em.fork({ clear: true });
  if (await em.count(User, { username: PROVINCE_MARKER_USERNAME })) throw new Error("identity already holds a seeded province (account bench-province): seed into fresh databases");
  const now = ctx.clock.now();
  const passwordHash = await hashPassword(PROVINCE_PASSWORD); // one scrypt hash for every bench account
  const pathOf = new Map<string, string>();
  let pending = 0;
  const flush = async () => {
    await em.transactional(async (tx) => tx.flush());
    em.clear();
    pending = 0;
  };
  const organization = async (org: DemoOrganization, existing: boolean) => {
    const path = org.parentId ? `${pathOf.get(org.parentId)}/${org.id}` : org.id;
    pathOf.set(org.id, path);
    if (existing) return;
    em.create(Organization, { id: org.id, code: org.code, name: org.name, kind: org.kind as OrganizationKind, parentId: org.parentId, path, createdAt: now });
    pending += 1;
  };
  const staff = (username: string, displayName: string, role: Role, organizationId: string) => {
    const id = provinceId(`user:${username}`);
    em.create(User, { id, username, displayName, passwordHash, mobile: null, mobileLookup: null, mustChangePassword: false, failedLoginCount: 0, lockedUntil: null, createdAt: now });
    em.create(RoleBinding, { userId: id, role, organizationId, createdAt: now });
    pending += 2;
  };

  const provinceExists = (await em.count(Organization, { id: plan.province.id })) > 0;
  await organization(plan.province, provinceExists);
  for (const league of plan.leagues) await organization(league, false);
  plan.counties.forEach((county, index) => {
    void organization(county, false);
    staff(provinceCountyUsername(index), `${county.name.slice(0, 6)}招办`, Role.COUNTY_AGENCY, county.id);
  });
  staff(PROVINCE_MARKER_USERNAME, "考试院（基准）", Role.PROVINCE_INSTITUTE, plan.province.id);
  await flush();

  for (const { school, classes, index } of provinceSchools(plan)) {
    await organization(school, false);
    classes.forEach((klass, k) => {
      void organization(klass, false);
      staff(provinceTeacherUsername(index, k), `班主任${index + 1}-${k + 1}`, Role.CLASS_TEACHER, klass.id);
    });
    if (pending >= batchSize) await flush();
  }
  await flush();
  progress("identity: organisations and staff", plan.schoolCount, plan.schoolCount);

  for (let index = 0; index < plan.candidates; index += 1) {
    const candidate = provinceCandidate(plan, index);
    em.create(User, {
      id: candidate.id,
      username: candidate.username,
      displayName: candidate.displayName,
      passwordHash,
      mobile: candidate.mobile,
      mobileLookup: ctx.personalData.lookup(MOBILE_LOOKUP, candidate.mobile),
      mustChangePassword: false,
      failedLoginCount: 0,
      lockedUntil: null,
      createdAt: now,
    });
    em.create(RoleBinding, { userId: candidate.id, role: Role.CANDIDATE_IN_SCHOOL, organizationId: candidate.classId, createdAt: now });
    pending += 2;
    if (pending >= batchSize) {
      await flush();
      progress("identity: candidates", index + 1, plan.candidates);
    }
  }
  await flush();
  progress("identity: candidates", plan.candidates, plan.candidates);
}
