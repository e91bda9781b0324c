import { inScopeOf, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { OrganizationReference } from "../references/organization.reference.js";
import { UserReference } from "../references/user.reference.js";
import { ExamRecord } from "./exam-record.entity.js";
import { ExamRecordService, READ_RECORDS } from "./exam-record.service.js";
import type { RegistryContext } from "../../registry-context.js";

/**
 * Fields that another subgraph fills in are nullable on purpose: when that subgraph is down the
 * gateway can still return the rest of the record instead of nulling the whole list.
 */
const REFERENCE_NOTE = (what: string) => `${what}（由身份子图提供；该服务不可用时为 null）`;

@Resolver(() => ExamRecord)
export class ExamRecordResolver {
  private readonly records = new ExamRecordService();

  @Query(() => [ExamRecord], { nullable: true, description: "本人管理范围内的考籍（按考籍号排序，每页至多 200 条；需登录）" })
  @Rule(inScopeOf(READ_RECORDS))
  examRecords(@Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() ctx: RegistryContext): Promise<ExamRecord[]> {
    return this.records.list(ctx, limit);
  }

  @FieldResolver(() => UserReference, { nullable: true, description: REFERENCE_NOTE("考生") })
  candidate(@Root() record: ExamRecord): UserReference {
    return { id: record.candidateId };
  }

  @FieldResolver(() => OrganizationReference, { nullable: true, description: REFERENCE_NOTE("学籍所在学校") })
  school(@Root() record: ExamRecord): OrganizationReference | null {
    return record.schoolId ? { id: record.schoolId } : null;
  }
}
