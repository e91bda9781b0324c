import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from "type-graphql";
import { OrganizationReference } from "../references/organization.reference.js";
import { UserReference } from "../references/user.reference.js";
import { ExamRecord } from "./exam-record.entity.js";
import { ExamRecordService } from "./exam-record.service.js";

@Resolver(() => ExamRecord)
export class ExamRecordResolver {
  @Query(() => [ExamRecord], { description: "考籍列表（按考籍号排序，每页至多 200 条）" })
  examRecords(@Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() { em }: SubgraphContext): Promise<ExamRecord[]> {
    return new ExamRecordService(em).list(limit);
  }

  @FieldResolver(() => UserReference, { description: "考生（身份子图）" })
  candidate(@Root() record: ExamRecord): UserReference {
    return { id: record.candidateId };
  }

  @FieldResolver(() => OrganizationReference, { description: "学籍所在学校（身份子图）" })
  school(@Root() record: ExamRecord): OrganizationReference {
    return { id: record.schoolId };
  }
}
