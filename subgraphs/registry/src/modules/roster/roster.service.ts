import type { RegistryContext } from "../../registry-context.js";
import { RosterEntry } from "./roster.entity.js";

export class RosterService {
  /** The student on the school's roster with this ID number (found by its lookup), or null. */
  match(ctx: RegistryContext, query: { schoolId: string; idNumber: string }): Promise<RosterEntry | null> {
    return ctx.em.findOne(RosterEntry, { schoolId: query.schoolId, idNumberLookup: ctx.personalData.lookup("id-number", query.idNumber.trim().toUpperCase()) });
  }
}
