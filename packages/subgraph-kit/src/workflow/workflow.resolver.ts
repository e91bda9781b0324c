import { Arg, Ctx, Field, FieldResolver, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { inScopeOf, requiresRole, Rule } from "../auth/rules.js";
import type { RequestContext } from "../context.js";
import { WorkflowApplication, WorkflowHistoryEntry } from "./workflow-application.entity.js";
import { WorkflowDefinition, WorkflowStepInput } from "./workflow-definition.entity.js";
import { CONFIGURE_WORKFLOWS, listWorkflowDefinitions, READ_WORKFLOWS, updateWorkflowDefinition } from "./workflow-definitions.js";
import { canDecide } from "./workflow-engine.js";
import { WorkflowDecision, WorkflowStatus, type WorkflowKindSpec } from "./workflow.types.js";

@InputType("UpdateWorkflowDefinitionInput", { description: "修改某类申请的审核流程（对此后提交的申请生效）" })
export class UpdateWorkflowDefinitionInput {
  @Field(() => String, { description: "省级行政区划代码" })
  provinceCode!: string;

  @Field(() => String, { description: "申请类别代码" })
  kind!: string;

  @Field(() => Int, { description: "所修改的版本号（须为当前版本）" })
  expectedVersion!: number;

  @Field(() => [WorkflowStepInput])
  steps!: WorkflowStepInput[];
}

/** An application's history and what the caller may do with it, wherever the application appears. */
@Resolver(() => WorkflowApplication)
export class WorkflowApplicationResolver {
  @FieldResolver(() => [WorkflowHistoryEntry], { description: "办理记录，按时间先后" })
  history(@Root() application: WorkflowApplication, @Ctx() { loaders }: RequestContext): Promise<WorkflowHistoryEntry[]> {
    // Version breaks ties between transitions at one instant (a fake clock, demo data written at once).
    return loaders.loadChildren(WorkflowHistoryEntry, "applicationId", application.id, { orderBy: { occurredAt: "asc", resultVersion: "asc" } });
  }

  @FieldResolver(() => [WorkflowDecision], { description: "当前环节允许的决定（按本申请所依据的流程版本；已办结为空）" })
  async allowedDecisions(@Root() application: WorkflowApplication, @Ctx() { loaders }: RequestContext): Promise<WorkflowDecision[]> {
    if (application.status !== WorkflowStatus.IN_PROGRESS) return [];
    // Versions never change once written: the decisions of a step are those of the version it runs under.
    const definition = await loaders.load(WorkflowDefinition, application.definitionId);
    return definition?.steps()[application.stepIndex]?.decisions ?? [];
  }

  @FieldResolver(() => Boolean, { description: "当前用户能否在当前环节作出决定" })
  canDecide(@Root() application: WorkflowApplication, @Ctx() { caller }: RequestContext): boolean {
    return canDecide(caller, application);
  }
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
const resolvers = new Map<string, Function>();

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * The province institute reads and edits the chains of the kinds a subgraph runs. Each subgraph
 * keeps the definitions of its own kinds, so its fields carry its name (`registryWorkflowDefinitions`,
 * `updateCertificationWorkflowDefinition`).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
export function workflowDefinitionResolver(subgraph: string, kinds: readonly WorkflowKindSpec[]): Function {
  const existing = resolvers.get(subgraph);
  if (existing) return existing;

  @Resolver()
  class WorkflowDefinitionResolver {
    @Query(() => [WorkflowDefinition], {
      name: `${subgraph}WorkflowDefinitions`,
      nullable: true,
      description: `本省由${subgraph}子图办理的各类申请的审核流程（本省工作人员可查看）`,
    })
    @Rule(inScopeOf(READ_WORKFLOWS))
    definitions(
      @Arg("provinceCode", () => String) provinceCode: string,
      @Arg("includeRetired", () => Boolean, { defaultValue: false, description: "同时列出已被替代的旧版本" }) includeRetired: boolean,
      @Ctx() ctx: RequestContext,
    ): Promise<WorkflowDefinition[]> {
      return listWorkflowDefinitions(ctx, provinceCode, { includeRetired });
    }

    @Mutation(() => WorkflowDefinition, {
      name: `update${capitalised(subgraph)}WorkflowDefinition`,
      description: "省级考试院修改本省某类申请的审核流程：写入新版本，只对此后提交的申请生效",
    })
    @Rule(requiresRole(CONFIGURE_WORKFLOWS))
    update(@Arg("input", () => UpdateWorkflowDefinitionInput) input: UpdateWorkflowDefinitionInput, @Ctx() ctx: RequestContext): Promise<WorkflowDefinition> {
      return updateWorkflowDefinition(ctx, kinds, input);
    }
  }
  resolvers.set(subgraph, WorkflowDefinitionResolver);
  return WorkflowDefinitionResolver;
}
