import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { Role } from "../auth/caller.js";
import { OrganizationLevelName, WorkflowDecision, type WorkflowStepSpec } from "./workflow.types.js";

@ObjectType("WorkflowStep", { description: "审核环节：由哪一级的什么角色审核、可作哪些决定、审核时限" })
@Directive("@shareable")
export class WorkflowStep implements WorkflowStepSpec {
  @Field(() => String, { description: "环节代码（在本类申请内唯一）" })
  key!: string;

  @Field(() => String, { description: "环节名称，如 班主任审核" })
  name!: string;

  @Field(() => Role, { description: "审核角色" })
  actorRole!: Role;

  @Field(() => OrganizationLevelName, { description: "审核单位所在层级" })
  level!: OrganizationLevelName;

  @Field(() => [WorkflowDecision], { description: "可作的决定" })
  decisions!: WorkflowDecision[];

  @Field(() => Int, { nullable: true, description: "审核时限（小时，自进入本环节起）；无时限为 null" })
  slaHours!: number | null;

  @Field(() => Int, { nullable: true, description: "预警时点（小时，自进入本环节起）；不预警为 null" })
  warnAtHours!: number | null;
}

@InputType("WorkflowStepInput", { description: "审核环节（编辑审核流程时提交）" })
export class WorkflowStepInput implements WorkflowStepSpec {
  @Field(() => String)
  key!: string;

  @Field(() => String)
  name!: string;

  @Field(() => Role)
  actorRole!: Role;

  @Field(() => OrganizationLevelName)
  level!: OrganizationLevelName;

  @Field(() => [WorkflowDecision])
  decisions!: WorkflowDecision[];

  @Field(() => Int, { nullable: true })
  slaHours!: number | null;

  @Field(() => Int, { nullable: true })
  warnAtHours!: number | null;
}

/**
 * One version of a province's approval chain for one kind of application. Versions are never
 * changed: an edit by the province institute writes the next version and retires this one, and
 * every application keeps the version it started under (a change applies to new applications only).
 */
@ObjectType("WorkflowDefinition", { description: "审核流程（某省某类申请的审核环节，按版本保存）" })
@Directive("@shareable")
@Entity({ tableName: "workflow_definition" })
@Unique({ properties: ["provinceCode", "kind", "version"] })
@Index({ properties: ["provinceCode", "kind", "retiredAt"] })
export class WorkflowDefinition {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  @Field(() => String, { description: "申请类别代码，如 certification.returning-candidate" })
  @Property({ type: "string", length: 64 })
  kind!: string;

  @Field(() => String, { description: "申请类别名称" })
  @Property({ type: "string", length: 40 })
  kindName!: string;

  @Field(() => Int, { description: "版本号（每次修改加一）" })
  @Property({ type: "integer" })
  version!: number;

  /** JSON array of WorkflowStepSpec. */
  @Property({ type: "text" })
  stepsJson!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  /** Who wrote this version (null: the initial configuration). */
  @Field(() => String, { nullable: true })
  @Property({ type: "string", length: 128, nullable: true })
  createdBy: string | null = null;

  /** When a newer version replaced it; null for the version new applications use. */
  @Field(() => Date, { nullable: true, description: "被新版本替代的时间；当前版本为 null" })
  @Property({ type: "datetime", nullable: true })
  retiredAt: Date | null = null;

  private parsed?: WorkflowStepSpec[];

  @Field(() => [WorkflowStep], { description: "审核环节，按先后顺序" })
  steps(): WorkflowStepSpec[] {
    this.parsed ??= JSON.parse(this.stepsJson) as WorkflowStepSpec[];
    return this.parsed;
  }
}
