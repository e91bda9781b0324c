import { publicAccess, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Field, Mutation, ObjectType, Resolver } from "type-graphql";
import type { IdentityContext } from "../../identity-context.js";
import { ApiClientService } from "./api-client.service.js";

@ObjectType({ description: "第三方系统的访问令牌" })
export class ClientToken {
  @Field(() => String)
  accessToken!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => [String], { description: "授予的只读范围" })
  scopes!: string[];
}

@Resolver()
export class ApiClientResolver {
  private readonly clients = new ApiClientService();

  @Mutation(() => ClientToken, { description: "第三方系统（如学信网）以客户端编号和密钥换取访问令牌" })
  @Rule(publicAccess("第三方系统的登录：客户端编号与密钥即凭证"))
  issueClientToken(
    @Arg("clientId", () => String) clientId: string,
    @Arg("clientSecret", () => String) clientSecret: string,
    @Ctx() ctx: IdentityContext,
  ): Promise<ClientToken> {
    return this.clients.issueToken(ctx, clientId, clientSecret);
  }
}
