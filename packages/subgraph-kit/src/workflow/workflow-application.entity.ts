import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { Role } from "../auth/caller.js";
import { OrganizationLevelName, WorkflowAction, WorkflowStatus } from "./workflow.types.js";

/**
 * An application going through its approval chain: which step it waits at, who acts there (role and
 * organisation), by when, and its version (every transition increments it; a decision names the
 * version it was taken on, so of two concurrent deciders one wins and the other gets CONFLICT).
 */
@ObjectType("WorkflowApplication", { description: "审核中的申请：当前环节、审核单位、时限与办理记录" })
@Directive("@shareable")
@Entity({ tableName: "workflow_application" })
@Unique({ properties: ["subjectType", "subjectId"] })
@Index({ properties: ["status", "actorRole", "queueOrderAt", "id"] })
@Index({ properties: ["status", "warnAt"] })
@Index({ properties: ["status", "dueAt"] })
export class WorkflowApplication {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "申请类别代码" })
  @Property({ type: "string", length: 64 })
  kind!: string;

  @Field(() => String, { description: "申请类别名称" })
  @Property({ type: "string", length: 40 })
  kindName!: string;

  @Field(() => String, { description: "受理省份的行政区划代码" })
  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  /** The definition version it runs under (immutable). */
  @Property({ type: "uuid" })
  definitionId!: string;

  @Field(() => Int, { description: "所依据的审核流程版本" })
  @Property({ type: "integer" })
  definitionVersion!: number;

  @Field(() => String)
  @Property({ type: "string", length: 64 })
  subjectType!: string;

  @Field(() => ID)
  @Property({ type: "string", length: 64 })
  subjectId!: string;

  /** The person the application is for (owner: they see it, resubmit and withdraw it). */
  @Property({ type: "uuid" })
  @Index()
  applicantId!: string;

  /** The applicant's organisation path (ids joined by "/", province first). */
  @Property({ type: "string", length: 400 })
  organizationPath!: string;

  /** Paths for routed steps (JSON object step key → path), e.g. a transfer's receiving school. */
  @Property({ type: "text", nullable: true })
  routesJson: string | null = null;

  @Field(() => WorkflowStatus)
  @Property({ type: "string", length: 16 })
  status!: WorkflowStatus;

  @Field(() => Int, { description: "当前环节序号（从 0 起）" })
  @Property({ type: "integer" })
  stepIndex!: number;

  @Field(() => String, { description: "当前环节代码" })
  @Property({ type: "string", length: 40 })
  stepKey!: string;

  @Field(() => String, { description: "当前环节名称" })
  @Property({ type: "string", length: 40 })
  stepName!: string;

  @Field(() => Role, { description: "当前环节的审核角色" })
  @Property({ type: "string", length: 32 })
  actorRole!: Role;

  @Field(() => OrganizationLevelName, { description: "当前环节审核单位所在层级" })
  @Property({ type: "string", length: 16 })
  actorLevel!: OrganizationLevelName;

  /** The organisation that acts at the current step (its path): callers bound there or above with the role. */
  @Property({ type: "string", length: 400 })
  @Index()
  actingOrganizationPath!: string;

  @Field(() => Date, { description: "进入当前环节的时间" })
  @Property({ type: "datetime" })
  stepEnteredAt!: Date;

  @Field(() => Date, { nullable: true, description: "当前环节的审核时限；无时限为 null" })
  @Property({ type: "datetime", nullable: true })
  dueAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: "当前环节临近时限的提醒时间（按流程配置）；无提醒为 null" })
  @Property({ type: "datetime", nullable: true })
  warnAt: Date | null = null;

  /** Queue order: the deadline, or the entry into the step when there is none. */
  @Property({ type: "datetime" })
  queueOrderAt!: Date;

  @Property({ type: "datetime", nullable: true })
  slaWarnedAt: Date | null = null;

  @Property({ type: "datetime", nullable: true })
  slaEscalatedAt: Date | null = null;

  @Field(() => Int, { description: "第几轮（退回修改后重新提交时加一）" })
  @Property({ type: "integer" })
  round: number = 1;

  @Field(() => Int, { description: "版本号：作出决定时须提交，防止两人同时审核" })
  @Property({ type: "integer" })
  version: number = 1;

  @Field(() => Date)
  @Property({ type: "datetime" })
  submittedAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: "办结时间（通过、未通过或撤回）" })
  @Property({ type: "datetime", nullable: true })
  closedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "最近一次退回或不予通过的原因" })
  @Property({ type: "string", length: 500, nullable: true })
  lastReason: string | null = null;

  routes(): Record<string, string> {
    return this.routesJson ? (JSON.parse(this.routesJson) as Record<string, string>) : {};
  }
}

/** One entry of an application's history: who did what at which step, and what it led to. */
@ObjectType("WorkflowHistoryEntry", { description: "办理记录" })
@Directive("@shareable")
@Entity({ tableName: "workflow_history" })
@Index({ properties: ["applicationId", "occurredAt"] })
@Unique({ properties: ["actorId", "idempotencyKey"] })
export class WorkflowHistoryEntry {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  applicationId!: string;

  @Field(() => Int, { description: "第几轮" })
  @Property({ type: "integer" })
  round!: number;

  @Field(() => WorkflowAction)
  @Property({ type: "string", length: 16 })
  action!: WorkflowAction;

  @Field(() => String, { nullable: true, description: "所在环节代码" })
  @Property({ type: "string", length: 40, nullable: true })
  stepKey: string | null = null;

  @Field(() => String, { nullable: true, description: "所在环节名称" })
  @Property({ type: "string", length: 40, nullable: true })
  stepName: string | null = null;

  @Field(() => String, { nullable: true, description: "退回或不予通过的原因" })
  @Property({ type: "string", length: 500, nullable: true })
  reason: string | null = null;

  /** User id of who acted (the applicant for submissions). */
  @Property({ type: "string", length: 128 })
  actorId!: string;

  @Field(() => Role, { nullable: true, description: "以什么角色办理" })
  @Property({ type: "string", length: 32, nullable: true })
  actorRole: Role | null = null;

  @Property({ type: "string", length: 64, nullable: true })
  actorOrganizationId: string | null = null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  occurredAt!: Date;

  /** The client's key for this request: a retry with the same key gets the same answer and changes nothing. */
  @Property({ type: "string", length: 80, nullable: true })
  idempotencyKey: string | null = null;

  @Field(() => WorkflowStatus, { description: "办理后的状态" })
  @Property({ type: "string", length: 16 })
  resultStatus!: WorkflowStatus;

  @Field(() => Int, { description: "办理后的版本号" })
  @Property({ type: "integer" })
  resultVersion!: number;
}
