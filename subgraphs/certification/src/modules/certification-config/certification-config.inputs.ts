import { Field, Float, ID, InputType } from "type-graphql";

@InputType({ description: "新建或修改成绩认定办理时间（时刻按北京时间录入，以 ISO 时刻传送）" })
export class SaveCertificationWindowInput {
  @Field(() => ID, { nullable: true, description: "修改时为原办理时间的 id；新建时不填" })
  id?: string | null;

  @Field(() => String)
  provinceCode!: string;

  @Field(() => String, { description: "认定类别，如 certification.returning-candidate" })
  kind!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Date)
  opensAt!: Date;

  @Field(() => Date)
  closesAt!: Date;

  @Field(() => Date)
  viewableUntil!: Date;
}

@InputType()
export class SubjectFullScoreInput {
  @Field(() => String)
  subjectCode!: string;

  @Field(() => Float)
  fullScore!: number;
}

@InputType({ description: "保存某来源省份的成绩认定规则（同一受理省份与来源省份只有一份，保存即覆盖）" })
export class SaveCertificationSourceRulesInput {
  @Field(() => String)
  certifyingProvinceCode!: string;

  @Field(() => String)
  sourceProvinceCode!: string;

  @Field(() => [String], { nullable: true, description: "等级，优者在前，如 A、B、C、D；只给分数时不填" })
  grades?: string[] | null;

  @Field(() => String, { nullable: true, description: "最低合格等级" })
  passGrade?: string | null;

  @Field(() => [SubjectFullScoreInput], { defaultValue: [] })
  fullScores!: SubjectFullScoreInput[];

  @Field(() => Boolean, { defaultValue: false })
  artAsMusicAndFineArt!: boolean;
}
