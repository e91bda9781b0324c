import { Field, InputType } from "type-graphql";

/** The applicant is the caller, and the certifying province the one they are registered in. */
@InputType()
export class OpenCertificationCaseInput {
  @Field(() => String, { description: "原参加合格考的省级行政区划代码，如河北 13" })
  originProvinceCode!: string;
}
