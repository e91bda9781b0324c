import { ApolloServer } from "@apollo/server";
import { GraphQLError } from "graphql";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { catalogEntries, createErrorFormatter, defineErrors, DomainError, ERROR_CATEGORY_PRESENTATION, INTERNAL_ERROR_MESSAGE } from "./errors.js";

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

describe("defineErrors", () => {
  const ExamSessionErrors = defineErrors("exam-session", {
    EXAM_SESSION_CODE_TAKEN: { category: "CONFLICT", field: "code", message: (p: { code: string }) => `本省已有代码为 ${p.code} 的考次` },
    EXAM_SESSION_NOT_FOUND: { category: "NOT_FOUND", message: "考次不存在" },
    WINDOW_CLOSED: { category: "BAD_USER_INPUT", message: "报名时间已过" },
  });

  it("builds a DomainError with the catalogued code, category and fixed Chinese message", () => {
    const error = ExamSessionErrors.EXAM_SESSION_NOT_FOUND();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "EXAM_SESSION_NOT_FOUND", category: "NOT_FOUND", message: "考次不存在", details: {} });
    expect(ExamSessionErrors.EXAM_SESSION_NOT_FOUND.code).toBe("EXAM_SESSION_NOT_FOUND");
    expect(ExamSessionErrors.EXAM_SESSION_NOT_FOUND.category).toBe("NOT_FOUND");
  });

  it("builds the message from its parameters and names the input field in the details", () => {
    const error = ExamSessionErrors.EXAM_SESSION_CODE_TAKEN({ code: "2027-01" });
    expect(error.message).toBe("本省已有代码为 2027-01 的考次");
    expect(error).toMatchObject({ code: "EXAM_SESSION_CODE_TAKEN", category: "CONFLICT", details: { field: "code" } });
  });

  it("adds the caller's details beside the field", () => {
    expect(ExamSessionErrors.EXAM_SESSION_CODE_TAKEN({ code: "2027-01" }, { existingId: "s-1" }).details).toEqual({ field: "code", existingId: "s-1" });
    expect(ExamSessionErrors.WINDOW_CLOSED(undefined, { closedAt: "2026-03-01" }).details).toEqual({ closedAt: "2026-03-01" });
  });

  it("reaches the client with its code, category, field and message through the formatter", () => {
    const formatter = createErrorFormatter(logger);
    const error = ExamSessionErrors.EXAM_SESSION_CODE_TAKEN({ code: "2027-01" });
    const formatted = formatter({ message: "x", path: ["createExamSession"] }, new GraphQLError("x", { originalError: error }));
    expect(formatted).toEqual({
      message: "本省已有代码为 2027-01 的考次",
      path: ["createExamSession"],
      extensions: { field: "code", code: "EXAM_SESSION_CODE_TAKEN", category: "CONFLICT" },
    });
  });

  it.each(["lowercase", "Mixed_Case", "TRAILING_", "_LEADING", "DOUBLE__UNDERSCORE", "WITH-DASH", "9STARTS_WITH_DIGIT", ""])("refuses the code name %j", (code) => {
    expect(() => defineErrors("bad-module", { [code]: { category: "CONFLICT", message: "冲突" } })).toThrow(`Error code "${code}" of bad-module must be UPPER_SNAKE_CASE`);
  });

  it("accepts upper snake case with digits", () => {
    expect(defineErrors("ok", { A: { category: "CONFLICT", message: "冲突" }, GB_11643_CHECKSUM: { category: "BAD_USER_INPUT", message: "校验位错误" } }).GB_11643_CHECKSUM().code).toBe("GB_11643_CHECKSUM");
  });

  it("lists the entries of several catalogs, with module, category, field and a placeholder for parameterised messages", () => {
    const Other = defineErrors("notification", { NOTIFICATION_NOT_FOUND: { category: "NOT_FOUND", message: "消息不存在或已被删除" } });
    expect(catalogEntries(ExamSessionErrors, Other)).toEqual([
      { code: "EXAM_SESSION_CODE_TAKEN", category: "CONFLICT", module: "exam-session", message: "（消息含参数）", field: "code" },
      { code: "EXAM_SESSION_NOT_FOUND", category: "NOT_FOUND", module: "exam-session", message: "考次不存在" },
      { code: "WINDOW_CLOSED", category: "BAD_USER_INPUT", module: "exam-session", message: "报名时间已过" },
      { code: "NOTIFICATION_NOT_FOUND", category: "NOT_FOUND", module: "notification", message: "消息不存在或已被删除" },
    ]);
    expect(catalogEntries()).toEqual([]);
    // The list of entries is not one of the codes.
    expect(Object.keys(ExamSessionErrors)).toEqual(["EXAM_SESSION_CODE_TAKEN", "EXAM_SESSION_NOT_FOUND", "WINDOW_CLOSED"]);
  });
});

describe("ERROR_CATEGORY_PRESENTATION", () => {
  it("presents every category with its status and a Chinese label", () => {
    expect(Object.fromEntries(Object.entries(ERROR_CATEGORY_PRESENTATION).map(([category, { status }]) => [category, status]))).toEqual({
      BAD_USER_INPUT: 400,
      NOT_FOUND: 404,
      FORBIDDEN: 403,
      UNAUTHENTICATED: 401,
      CONFLICT: 409,
    });
    for (const { label } of Object.values(ERROR_CATEGORY_PRESENTATION)) expect(label).toMatch(/^[\u4e00-\u9fa5]+$/);
  });
});
