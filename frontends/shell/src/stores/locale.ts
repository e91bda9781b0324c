import { defineStore } from "pinia";
import { ref, watch } from "vue";
import { DEFAULT_LOCALE, LOCALES, i18n, type Locale } from "../i18n";

const STORAGE_KEY = "xuekao.locale";

function initialLocale(): Locale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return LOCALES.includes(saved as Locale) ? (saved as Locale) : DEFAULT_LOCALE;
}

/** The active language; keeps vue-i18n, <html lang> and the saved preference in step. */
export const useLocaleStore = defineStore("locale", () => {
  const locale = ref<Locale>(initialLocale());

  watch(
    locale,
    (value) => {
      i18n.global.locale.value = value;
      document.documentElement.lang = value;
      globalThis.localStorage?.setItem(STORAGE_KEY, value);
    },
    { immediate: true },
  );

  return { locale, locales: LOCALES };
});
