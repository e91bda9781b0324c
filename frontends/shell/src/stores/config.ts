import { defineStore } from "pinia";
import { shallowRef } from "vue";
import type { ShellRuntimeConfig } from "../../runtime-config";

/** Fetches /config.json, which the shell's server builds from its environment at runtime. */
export async function fetchRuntimeConfig(fetchImpl: typeof fetch = fetch): Promise<ShellRuntimeConfig> {
  const response = await fetchImpl("/config.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`/config.json: HTTP ${response.status}`);
  return (await response.json()) as ShellRuntimeConfig;
}

export const useShellConfigStore = defineStore("shellConfig", () => {
  const config = shallowRef<ShellRuntimeConfig | null>(null);
  return { config };
});
