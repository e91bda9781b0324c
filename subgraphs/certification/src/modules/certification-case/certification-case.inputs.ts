import { Field, ID, InputType } from "type-graphql";

@InputType()
export class OpenCertificationCaseInput {
  @Field(() => ID)
  candidateId!: string;

  @Field(() => String, { description: "原参加合格考的省级行政区划代码" })
  originProvinceCode!: string;

  @Field(() => String, { description: "受理认定的省级行政区划代码，如北京 11" })
  certifyingProvinceCode!: string;
}
