import { computed, reactive, ref, watch, type Ref } from "vue";
import { errorCodeOf, type GraphQLFormattedError, type WorkflowDecision } from "@xuekao/graphql-client";
import { failureText } from "../field-errors";

/** What a review queue row must have for a decision: its application's version is the one decided on. */
export interface ReviewedItem {
  id: string;
  name: string;
  application?: { version: number } | null;
}

export interface ReviewDecisionOptions<Item extends ReviewedItem> {
  /** The row a button names (null when it left the list). */
  find: (id: string) => Item | null;
  /** Sends one decision; `ok` when the server took it. */
  send: (input: { preRegistrationId: string; decision: WorkflowDecision; reason: string | null; expectedVersion: number; idempotencyKey: string }) => Promise<{
    ok: boolean;
    errors: readonly GraphQLFormattedError[];
  }>;
  /** The page's own words (its i18n prefix). */
  text: {
    reasonRequired: () => string;
    done: (decision: WorkflowDecision, name: string) => string;
    conflict: (name: string, message: string) => string;
    failed: () => string;
  };
  /** Where the page shows what happened (shared with its other actions, e.g. bulk approval). */
  done: Ref<string>;
  failed: Ref<string>;
  /** The queue as it is now: after a decision, or when someone else decided first. */
  reload: () => void;
  /** Called as a decision is sent (e.g. to clear other notices). */
  onSend?: () => void;
}

/**
 * One review decision from a queue page: the dialog's state (which row, which decision, the reason
 * and its error), a fresh idempotency key per dialog (a retry of the same dialog sends the same
 * key), the reason rule (2 to 500 characters for a return or a rejection), and what each answer
 * means for the person — taken, someone else decided first (CONFLICT / APPLICATION_CLOSED: the row
 * is shown as it is now), the reason refused, or another failure in the server's words.
 */
export function useReviewDecision<Item extends ReviewedItem>(options: ReviewDecisionOptions<Item>) {
  const deciding = reactive({ item: null as Item | null, decision: "APPROVE" as WorkflowDecision, reason: "", reasonError: "", key: "" });
  const dialogOpen = computed({
    get: () => deciding.item !== null,
    set: (open: boolean) => {
      if (!open) deciding.item = null;
    },
  });
  const needsReason = computed(() => deciding.decision !== "APPROVE");
  const submitting = ref(false);
  watch(
    () => deciding.reason,
    () => (deciding.reasonError = ""),
  );

  function ask(id: string, decision: WorkflowDecision) {
    // Deciding state holds the row object itself (reactive wraps it); the cast keeps the page's type.
    (deciding as { item: Item | null }).item = options.find(id);
    deciding.decision = decision;
    deciding.reason = "";
    deciding.reasonError = "";
    deciding.key = globalThis.crypto.randomUUID();
  }

  async function decide() {
    const item = deciding.item as Item | null;
    if (!item?.application) return;
    const reason = deciding.reason.trim();
    if (needsReason.value && ([...reason].length < 2 || [...reason].length > 500)) {
      deciding.reasonError = options.text.reasonRequired();
      return;
    }
    submitting.value = true;
    options.done.value = "";
    options.failed.value = "";
    options.onSend?.();
    try {
      const answer = await options.send({
        preRegistrationId: item.id,
        decision: deciding.decision,
        reason: needsReason.value ? reason : null,
        expectedVersion: item.application.version,
        idempotencyKey: deciding.key,
      });
      if (answer.ok) {
        options.done.value = options.text.done(deciding.decision, item.name);
        deciding.item = null;
        options.reload();
        return;
      }
      const code = errorCodeOf(answer.errors[0]);
      if (code === "CONFLICT" || code === "APPLICATION_CLOSED") {
        // Someone else decided first, or the candidate changed it: show the row as it is now.
        options.failed.value = options.text.conflict(item.name, answer.errors[0]!.message);
        deciding.item = null;
        options.reload();
      } else if (code === "REASON_REQUIRED") {
        deciding.reasonError = answer.errors[0]!.message;
      } else {
        options.failed.value = failureText(answer.errors, options.text.failed());
      }
    } finally {
      submitting.value = false;
    }
  }

  return { deciding, dialogOpen, needsReason, submitting, ask, decide };
}
