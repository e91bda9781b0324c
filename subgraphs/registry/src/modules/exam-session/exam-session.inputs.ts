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
}
