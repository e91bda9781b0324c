import { Field, ID, InputType, ObjectType } from "type-graphql";
import { SubjectEntry } from "./subject-entry.entity.js";

@InputType({ description: "考生本人报考某考次的科目（已报考的科目不重复报考）" })
export class EnterSubjectsInput {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => [String], { description: "报考的科目代码（须为本考次开考的科目）" })
  subjectCodes!: string[];
}

@InputType({ description: "考生本人撤回某考次一个科目的报名（报名截止前）" })
export class WithdrawSubjectEntryInput {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => String)
  subjectCode!: string;
}

@ObjectType({ description: "一页选课报名记录（按考籍号、科目排序）" })
export class SubjectEntryPage {
  @Field(() => [SubjectEntry])
  items!: SubjectEntry[];

  @Field(() => String, { nullable: true, description: "下一页的游标；没有下一页时为 null" })
  nextCursor!: string | null;
}
