import { computed, isRef, onMounted, ref, shallowRef, toValue, watch, type MaybeRefOrGetter } from "vue";
import { missingFields, type GraphQLFormattedError, type TypedDocumentNode } from "@xuekao/graphql-client";
import { gateway } from "../gateway";

/**
 * Runs one query when the component mounts and keeps what the gateway answered: data (possibly
 * partial) and errors side by side, so a page renders what came back and says what did not.
 *
 * Variables given as a ref or getter (a page's filters and pagination) are read at each request
 * and the query runs again when they change. Only the newest request's answer is kept, so a slow
 * answer for earlier filters never replaces the one for the current filters.
 */
export function useGatewayQuery<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables?: MaybeRefOrGetter<TVariables>,
) {
  const data = shallowRef<TData | null>(null);
  const errors = shallowRef<GraphQLFormattedError[]>([]);
  const loading = ref(true);
  let latestRequest = 0;

  async function refetch() {
    const request = ++latestRequest;
    loading.value = true;
    const result = await gateway.request(document, toValue(variables));
    if (request !== latestRequest) return;
    data.value = result.data;
    errors.value = result.errors;
    loading.value = false;
  }

  onMounted(refetch);
  if (isRef(variables) || typeof variables === "function") {
    watch(() => toValue(variables), () => void refetch(), { deep: true });
  }

  const missing = computed(() => missingFields(errors.value));
  return { data, errors, loading, missing, refetch };
}
