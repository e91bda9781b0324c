import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from "@mikro-orm/core";
import { Field, Float, ID, ObjectType } from "type-graphql";

/**
 * A period in which a province accepts one kind of certification, and until when applicants see
 * the outcome (Beijing's 返京成绩认定: submissions from opensAt up to, not at, closesAt; results
 * viewable until viewableUntil, after which the service is closed). Instants in the database;
 * announced, entered and shown in Beijing time.
 */
@ObjectType({ description: "成绩认定办理时间：申请提交时段与结果查看截止时间（以北京时间公布）" })
@Entity({ tableName: "certification_window" })
@Unique({ properties: ["provinceCode", "kind", "name"] })
@Index({ properties: ["provinceCode", "kind", "opensAt"] })
export class CertificationWindow {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "受理认定的省级行政区划代码，如北京 11" })
  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  @Field(() => String, { description: "认定类别，如 certification.returning-candidate" })
  @Property({ type: "string", length: 64 })
  kind!: string;

  @Field(() => String, { description: "名称，如 2023年返京成绩认定" })
  @Property({ type: "string", length: 100 })
  name!: string;

  @Field(() => Date, { description: "开始受理的时刻（含）" })
  @Property({ type: "datetime" })
  opensAt!: Date;

  @Field(() => Date, { description: "停止受理的时刻（此刻起不再受理）" })
  @Property({ type: "datetime" })
  closesAt!: Date;

  @Field(() => Date, { description: "申请人可查看认定结果的截止时刻" })
  @Property({ type: "datetime" })
  viewableUntil!: Date;

  @Property({ type: "datetime" })
  updatedAt!: Date;

  /** Who saved it last (a user id); null for the configuration written at start. */
  @Property({ type: "uuid", nullable: true })
  updatedBy: string | null = null;

  /** Accepting submissions at `at`: from the opening instant, up to (not at) the closing one. */
  isOpenAt(at: Date): boolean {
    return at >= this.opensAt && at < this.closesAt;
  }
}

@ObjectType({ description: "某科目的满分" })
export class SubjectFullScore {
  @Field(() => String, { description: "科目代码，如 MATHEMATICS；艺术分科时为 MUSIC / FINE_ART" })
  subjectCode!: string;

  @Field(() => Float)
  fullScore!: number;
}

/**
 * How a certifying province reads another province's certificates: the source province's grade
 * scale (best first, with the lowest passing grade) and/or its full score per subject, and whether
 * it gives art as music and fine art. The certifying province's institute maintains it; the
 * recognition rules of `@xuekao/rules` apply it.
 */
@ObjectType({ description: "外省成绩认定规则：来源省份的等级制度、各科满分与艺术是否分音乐、美术" })
@Entity({ tableName: "certification_source_rules" })
@Unique({ properties: ["certifyingProvinceCode", "sourceProvinceCode"] })
export class CertificationSourceRules {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "受理认定的省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  certifyingProvinceCode!: string;

  @Field(() => String, { description: "来源（原参加合格考）省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  sourceProvinceCode!: string;

  /** JSON array of the grades, best first; null when the source province gives numbers only (see `grades()`). */
  @Property({ type: "text", nullable: true })
  gradesJson: string | null = null;

  @Field(() => String, { nullable: true, description: "最低合格等级（须为所列等级之一）；只给分数时为空" })
  @Property({ type: "string", length: 16, nullable: true })
  passGrade: string | null = null;

  /** JSON object subject code → full score (see `fullScores()`). */
  @Property({ type: "text", default: "{}" })
  fullScoresJson: Opt<string> = "{}";

  @Field(() => Boolean, { description: "艺术是否分音乐、美术两部分给出成绩（须均合格）" })
  @Property({ type: "boolean", default: false })
  artAsMusicAndFineArt: Opt<boolean> = false;

  @Field(() => Date, { description: "最近修改时间" })
  @Property({ type: "datetime" })
  updatedAt!: Date;

  /** Who saved it last (a user id); null for the configuration written at start. */
  @Property({ type: "uuid", nullable: true })
  updatedBy: string | null = null;

  grades(): string[] | null {
    return this.gradesJson === null ? null : (JSON.parse(this.gradesJson) as string[]);
  }

  fullScores(): Record<string, number> {
    return JSON.parse(this.fullScoresJson) as Record<string, number>;
  }
}
