import { Field, InputType } from "type-graphql";

@InputType()
export class CreateExamSessionInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  provinceCode!: string;

  @Field(() => Date)
  registrationOpensAt!: Date;

  @Field(() => Date)
  registrationClosesAt!: Date;

  @Field(() => Date, { nullable: true })
  scoresPublishedAt?: Date | null;

  @Field(() => [String], { nullable: true, description: "本考次开考的科目代码（须为本省科目目录中的科目）；不填为本省全部科目" })
  subjectCodes?: string[] | null;
}
