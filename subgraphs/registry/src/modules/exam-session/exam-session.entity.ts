import { randomUUID } from "node:crypto";
import { Entity, PrimaryKey, Property, Unique, type Opt } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * 考次: one sitting of the qualification exam in a province, with its subject-registration
 * window (选课报名) and the date scores are published. Times are instants (UTC in the database);
 * they are entered and shown in Asia/Shanghai.
 */
@ObjectType({ description: "考次：一次合格考，含选课报名时间窗口与成绩公布时间" })
@Directive('@key(fields: "id")')
@Entity({ tableName: "exam_session" })
@Unique({ properties: ["provinceCode", "code"] })
export class ExamSession {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "考次代码，如 2026-01（省内唯一）" })
  @Property({ type: "string", length: 32 })
  code!: string;

  @Field(() => String)
  @Property({ type: "string", length: 100 })
  name!: string;

  @Field(() => String, { description: "省级行政区划代码，如内蒙古 15、北京 11" })
  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  registrationOpensAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  registrationClosesAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  scoresPublishedAt: Date | null = null;

  /**
   * The codes of the subjects the session offers, a subset of its province's catalogue, as a JSON
   * array in catalogue order (read them with `subjectCodes()`).
   */
  @Property({ type: "text", default: "[]" })
  subjectCodesJson: Opt<string> = "[]";

  @Property({ type: "datetime" })
  createdAt!: Date;

  /** When candidates were told the window opens soon (once; see window-reminders.job.ts). */
  @Property({ type: "datetime", nullable: true })
  openingNoticeSentAt: Date | null = null;

  /** When candidates were reminded the window closes soon (once). */
  @Property({ type: "datetime", nullable: true })
  closingReminderSentAt: Date | null = null;

  subjectCodes(): string[] {
    return JSON.parse(this.subjectCodesJson) as string[];
  }

  /** Open for subject registration at `now`: from the opening instant, up to (not at) the closing one. */
  isOpenAt(now: Date): boolean {
    return now >= this.registrationOpensAt && now < this.registrationClosesAt;
  }

  /** Results are shown to candidates and schools from the publication instant on. */
  scoresPublishedAtOrBefore(now: Date): boolean {
    return this.scoresPublishedAt !== null && now >= this.scoresPublishedAt;
  }
}
