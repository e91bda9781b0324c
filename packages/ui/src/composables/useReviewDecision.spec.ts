import { describe, expect, it, vi } from "vitest";
import { nextTick, ref } from "vue";
import { useReviewDecision } from "./useReviewDecision";

const row = { id: "p1", name: "王子涵", application: { version: 3 } };

function setup(answers: Array<{ ok: boolean; errors: { message: string; extensions?: { code: string } }[] }>) {
  const sent: unknown[] = [];
  const reload = vi.fn();
  const done = ref("");
  const failed = ref("");
  const review = useReviewDecision({
    find: (id) => (id === row.id ? row : null),
    send: async (input) => {
      sent.push(input);
      return answers.shift()!;
    },
    text: {
      reasonRequired: () => "请填写原因",
      done: (decision, name) => `${name}：${decision}`,
      conflict: (name, message) => `${name}：${message}`,
      failed: () => "操作失败",
    },
    done,
    failed,
    reload,
  });
  return { review, sent, reload, done, failed };
}

describe("useReviewDecision", () => {
  it("asks for a reason of 2 to 500 characters before a return, and sends nothing until then", async () => {
    const { review, sent } = setup([{ ok: true, errors: [] }]);
    review.ask("p1", "RETURN");
    review.deciding.reason = " 短";
    await nextTick(); // as when a person types: the edit clears an earlier error first
    await review.decide();
    expect(review.deciding.reasonError).toBe("请填写原因");
    expect(sent).toEqual([]);
    review.deciding.reason = "请补充家庭成员";
    await nextTick();
    expect(review.deciding.reasonError).toBe("");
    await review.decide();
    expect(sent).toEqual([{ preRegistrationId: "p1", decision: "RETURN", reason: "请补充家庭成员", expectedVersion: 3, idempotencyKey: expect.any(String) }]);
  });

  it("says what was done and reloads; a conflict says so and reloads too; a retry of one dialog keeps its key", async () => {
    const { review, sent, reload, done, failed } = setup([
      { ok: false, errors: [{ message: "网络错误", extensions: { code: "NETWORK_ERROR" } }] },
      { ok: true, errors: [] },
      { ok: false, errors: [{ message: "申请已被他人处理", extensions: { code: "CONFLICT" } }] },
    ]);
    review.ask("p1", "APPROVE");
    await review.decide();
    expect(failed.value).toBe("操作失败");
    expect(review.dialogOpen.value).toBe(true);
    await review.decide();
    expect((sent[0] as { idempotencyKey: string }).idempotencyKey).toBe((sent[1] as { idempotencyKey: string }).idempotencyKey);
    expect(done.value).toBe("王子涵：APPROVE");
    expect(review.dialogOpen.value).toBe(false);
    review.ask("p1", "APPROVE");
    await review.decide();
    expect(failed.value).toBe("王子涵：申请已被他人处理");
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
