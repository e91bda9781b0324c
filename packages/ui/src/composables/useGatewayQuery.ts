import { computed, onMounted, ref, shallowRef } from "vue";
import { missingFields, type GraphQLFormattedError, type TypedDocumentNode } from "@xuekao/graphql-client";
import { gateway } from "../gateway";

/**
 * Runs one query when the component mounts and keeps what the gateway answered: data (possibly
 * partial) and errors side by side, so a page renders what came back and says what did not.
 */
export function useGatewayQuery<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
) {
  const data = shallowRef<TData | null>(null);
  const errors = shallowRef<GraphQLFormattedError[]>([]);
  const loading = ref(true);

  async function refetch() {
    loading.value = true;
    const result = await gateway.request(document, variables);
    data.value = result.data;
    errors.value = result.errors;
    loading.value = false;
  }

  onMounted(refetch);

  const missing = computed(() => missingFields(errors.value));
  return { data, errors, loading, missing, refetch };
}
