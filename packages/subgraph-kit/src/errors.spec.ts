import { ApolloServer } from "@apollo/server";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createErrorFormatter, DomainError, INTERNAL_ERROR_MESSAGE } from "./errors.js";

interface LogLine {
  level: number;
  msg: string;
  err?: { message: string; stack: string; type: string };
  path?: Array<string | number>;
}

const lines: LogLine[] = [];
const logger = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });

const typeDefs = `#graphql
  type Query {
    ok: String
    domain: String
        plain: String
    nested: Inner
    forbidden: String
  }
  type Inner { deep: String }
`;

const resolvers = {
  Query: {
    ok: () => "好",
    domain: () => {
      throw new DomainError("EXAM_SESSION_CODE_TAKEN", "CONFLICT", "本省已有代码为 2027-01 的考次", { field: "code" });
    },
    plain: () => {
      throw new Error("connect ECONNREFUSED 10.0.0.5:5432 password=secret");
    },
    nested: () => ({}),
    forbidden: () => {
      throw new GraphQLError("Not allowed here", { extensions: { code: "FORBIDDEN" } });
    },
  },
  Inner: {
    deep: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    },
  },
};

interface Result {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: Array<string | number>; locations?: unknown; extensions?: Record<string, unknown> }>;
}

describe("createErrorFormatter with Apollo Server", () => {
  const apollo = new ApolloServer({
    typeDefs,
    resolvers,
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
  });

  const execute = async (query: string): Promise<Result> => {
    const response = await apollo.executeOperation({ query });
    if (response.body.kind !== "single") throw new Error("expected a single result");
    return response.body.singleResult as Result;
  };

  beforeAll(async () => {
    await apollo.start();
  });
  afterAll(async () => {
    await apollo.stop();
  });
  beforeEach(() => {
    lines.length = 0;
  });

  it("keeps a DomainError's code, category, details and Chinese message, and logs nothing", async () => {
    const result = await execute(`{ ok domain }`);
    expect(result.data).toEqual({ ok: "好", domain: null });
    expect(result.errors).toEqual([
      {
        message: "本省已有代码为 2027-01 的考次",
        locations: [{ line: 1, column: 6 }],
        path: ["domain"],
        extensions: { field: "code", code: "EXAM_SESSION_CODE_TAKEN", category: "CONFLICT" },
      },
    ]);
    expect(lines).toEqual([]);
  });

  it("does not let details overwrite the code or category", async () => {
    const formatter = createErrorFormatter(logger);
    const error = new DomainError("NOTIFICATION_NOT_FOUND", "NOT_FOUND", "消息不存在或已被删除", { code: "SPOOFED", category: "X", id: "n1" });
    const formatted = formatter({ message: error.message, extensions: { code: "INTERNAL_SERVER_ERROR" } }, new GraphQLError(error.message, { originalError: error }));
    expect(formatted.extensions).toEqual({ id: "n1", code: "NOTIFICATION_NOT_FOUND", category: "NOT_FOUND" });
  });


  it("masks a plain Error as INTERNAL_SERVER_ERROR in Chinese, and logs it with its stack", async () => {
    const result = await execute(`{ ok plain }`);
    expect(result.data).toEqual({ ok: "好", plain: null });
    expect(result.errors).toEqual([
      { message: INTERNAL_ERROR_MESSAGE, locations: [{ line: 1, column: 6 }], path: ["plain"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
    ]);
    expect(INTERNAL_ERROR_MESSAGE).toMatch(/[\u4e00-\u9fa5]/);
    expect(JSON.stringify(result)).not.toContain("secret");
    expect(JSON.stringify(result)).not.toContain("ECONNREFUSED");

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, msg: "unexpected error", path: ["plain"] });
    expect(lines[0]?.err?.message).toBe("connect ECONNREFUSED 10.0.0.5:5432 password=secret");
    expect(lines[0]?.err?.stack).toContain("errors.spec.ts");
  });

  it("masks and logs an error of a nested field, keeping its path", async () => {
    const result = await execute(`{ nested { deep } }`);
    expect(result.errors).toEqual([
      { message: INTERNAL_ERROR_MESSAGE, locations: [{ line: 1, column: 12 }], path: ["nested", "deep"], extensions: { code: "INTERNAL_SERVER_ERROR" } },
    ]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ path: ["nested", "deep"], err: { type: "TypeError" } });
  });

  it("passes a GraphQLError raised on purpose through as it is", async () => {
    const result = await execute(`{ forbidden }`);
    expect(result.errors?.[0]).toMatchObject({ message: "Not allowed here", path: ["forbidden"], extensions: { code: "FORBIDDEN" } });
    expect(lines).toEqual([]);
  });

  it("passes validation and parse errors through unmasked, and logs nothing", async () => {
    const invalid = await execute(`{ nope }`);
    expect(invalid.data).toBeUndefined();
    expect(invalid.errors?.[0]?.message).toMatch(/Cannot query field "nope" on type "Query"/);
    expect(invalid.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");

    const unparsable = await execute(`{ ok `);
    expect(unparsable.errors?.[0]?.message).toMatch(/^Syntax Error/);
    expect(unparsable.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");

    const badVariable = await apollo.executeOperation({ query: `query($n: Boolean!) { ok @include(if: $n) }`, variables: { n: "x" } });
    const badVariableResult = badVariable.body.kind === "single" ? (badVariable.body.singleResult as Result) : undefined;
    expect(badVariableResult?.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(badVariableResult?.errors?.[0]?.message).toMatch(/\$n/);
    expect(lines).toEqual([]);
  });
});


describe("DomainError", () => {
  it("is an Error with a stable code, a category and details", () => {
    const error = new DomainError("CERTIFICATION_SAME_PROVINCE", "BAD_USER_INPUT", "在本省参加的合格考成绩无需认定");
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "DomainError", code: "CERTIFICATION_SAME_PROVINCE", category: "BAD_USER_INPUT", details: {} });
    expect(error.message).toBe("在本省参加的合格考成绩无需认定");
  });
});
