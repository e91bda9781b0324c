import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { defineComponent, h, ref, type MaybeRefOrGetter } from "vue";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@xuekao/graphql-client";
import QueryFeedback from "../components/QueryFeedback.vue";
import { gatewayAnswers } from "../test-support";
import { useGatewayQuery } from "./useGatewayQuery";

type Roster = { examRecords: ({ id: string; candidate: { displayName: string } | null } | null)[] };
const RosterQuery = parse("query Roster($limit: Int!) { examRecords(limit: $limit) { id candidate { displayName } } }") as TypedDocumentNode<Roster, { limit: number }>;

function mountQuery(variables: MaybeRefOrGetter<{ limit: number }> = { limit: 5 }) {
  let query!: ReturnType<typeof useGatewayQuery<Roster, { limit: number }>>;
  const Page = defineComponent({
    setup() {
      query = useGatewayQuery(RosterQuery, variables);
      const { data, errors, loading, missing, refetch } = query;
      return () =>
        h(QueryFeedback, { loading: loading.value, hasData: data.value !== null, empty: false, errors: errors.value, missing: missing.value, onRetry: refetch }, () =>
          h("p", { "data-testid": "content" }, String(data.value?.examRecords.length)),
        );
    },
  });
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages: {} });
  const wrapper = mount(Page, { global: { plugins: [i18n, ElementPlus] } });
  return { wrapper, query: () => query };
}

afterEach(() => vi.unstubAllGlobals());

describe("useGatewayQuery", () => {
  it("posts the query with its variables to the same-origin /graphql on mount", async () => {
    const fetch = gatewayAnswers({ data: { examRecords: [{ id: "r1", candidate: { displayName: "张小明" } }] } });
    const { wrapper, query } = mountQuery();
    await flushPromises();

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/graphql");
    expect(JSON.parse(String(init.body))).toMatchObject({ variables: { limit: 5 } });
    expect(query().loading.value).toBe(false);
    expect(query().data.value?.examRecords[0]?.candidate?.displayName).toBe("张小明");
    expect(wrapper.get('[data-testid="content"]').text()).toBe("1");
  });

  it("is loading until the gateway answers", async () => {
    vi.stubGlobal("fetch", vi.fn(() => new Promise(() => {})));
    const { wrapper, query } = mountQuery();
    await flushPromises();
    expect(query().loading.value).toBe(true);
    expect(wrapper.find('[data-testid="query-loading"]').exists()).toBe(true);
  });

  it("keeps partial data beside the errors and lists the missing paths", async () => {
    gatewayAnswers({ data: { examRecords: [{ id: "r1", candidate: null }] }, errors: [{ message: "identity 服务暂不可用", path: ["examRecords", 0, "candidate"] }] });
    const { query } = mountQuery();
    await flushPromises();
    expect(query().data.value?.examRecords).toHaveLength(1);
    expect(query().errors.value.map((e) => e.message)).toEqual(["identity 服务暂不可用"]);
    expect(query().missing.value).toEqual(["examRecords.candidate"]);
  });

  it("shows that the gateway cannot be reached, and fetches again on retry", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    const { wrapper } = mountQuery();
    await flushPromises();
    expect(wrapper.get('[data-testid="query-error"]').text()).toContain("无法连接服务器");

    gatewayAnswers({ data: { examRecords: [] } });
    await wrapper.get('[data-testid="query-retry"]').trigger("click");
    await flushPromises();
    expect(wrapper.find('[data-testid="query-error"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="content"]').text()).toBe("0");
  });

  it("runs again with the new variables when reactive variables change, keeping only the newest answer", async () => {
    const limit = ref(5);
    const pending: ((body: unknown) => void)[] = [];
    const fetch = vi.fn(
      () =>
        new Promise<Response>((resolve) => {
          pending.push((body) => resolve(new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } })));
        }),
    );
    vi.stubGlobal("fetch", fetch);
    const { query } = mountQuery(() => ({ limit: limit.value }));
    await flushPromises();
    limit.value = 1;
    await flushPromises();

    const sentLimits = fetch.mock.calls.map((call) => JSON.parse(String((call as unknown as [string, RequestInit])[1].body)).variables.limit);
    expect(sentLimits).toEqual([5, 1]);
    // The answer for the newer variables arrives first; the older one, arriving late, is dropped.
    pending[1]?.({ data: { examRecords: [{ id: "r1", candidate: null }] } });
    await flushPromises();
    pending[0]?.({ data: { examRecords: [] } });
    await flushPromises();
    expect(query().data.value?.examRecords).toHaveLength(1);
    expect(query().loading.value).toBe(false);
  });
});
