import { inScopeOf, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { OrganizationReference } from "../references/organization.reference.js";
import { UserReference } from "../references/user.reference.js";
import { ExamRecord, ExamRecordStatus } from "./exam-record.entity.js";
import { ExamRecordService, READ_RECORDS } from "./exam-record.service.js";
import type { RegistryContext } from "../../registry-context.js";

/**
 * Fields that another subgraph fills in are nullable on purpose: when that subgraph is down the
 * gateway can still return the rest of the record instead of nulling the whole list.
 */
const REFERENCE_NOTE = (what: string) => `${what}（由身份子图提供；该服务不可用时为 null）`;

@InputType({ description: "考籍筛选" })
export class ExamRecordFilterInput {
  @Field(() => ID, { nullable: true, description: "只看某个学校、班级或旗县区的考籍" })
  organizationId?: string | null;

  @Field(() => ExamRecordStatus, { nullable: true })
  status?: ExamRecordStatus | null;

  @Field(() => String, { nullable: true, description: "考籍号（或其开头部分）" })
  recordNumberPrefix?: string | null;
}

@ObjectType({ description: "一页考籍（按考籍号排序）" })
export class ExamRecordPage {
  @Field(() => [ExamRecord])
  items!: ExamRecord[];

  @Field(() => String, { nullable: true, description: "下一页的游标；没有下一页时为 null" })
  nextCursor!: string | null;
}

@Resolver(() => ExamRecord)
export class ExamRecordResolver {
  private readonly records = new ExamRecordService();

  @Query(() => [ExamRecord], { nullable: true, description: "本人管理范围内的考籍（按考籍号排序，每页至多 200 条；需登录）" })
  @Rule(inScopeOf(READ_RECORDS))
  examRecords(@Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() ctx: RegistryContext): Promise<ExamRecord[]> {
    return this.records.list(ctx, limit);
  }

  @Query(() => ExamRecordPage, { nullable: true, description: "本人管理范围内的考籍，按考籍号分页（可按组织、状态、考籍号筛选；需登录）" })
  @Rule(inScopeOf(READ_RECORDS))
  examRecordPage(
    @Arg("filter", () => ExamRecordFilterInput, { nullable: true }) filter: ExamRecordFilterInput | null,
    @Arg("first", () => Int, { nullable: true, description: "每页条数（默认 50，至多 200）" }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RegistryContext,
  ): Promise<ExamRecordPage> {
    return this.records.page(ctx, filter ?? {}, { first, after });
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
