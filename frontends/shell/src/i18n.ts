import { createI18n } from "vue-i18n";

export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-CN";

export const shellMessages = {
  "zh-CN": {
    shell: {
      title: "学考平台",
      subtitle: "考籍管理与成绩认定",
      skipToContent: "跳到主要内容",
      mainNav: "主导航",
      language: "语言",
      home: "首页",
      remotes: { candidate: "考生门户", school: "学校管理", bureau: "招考机构" },
      homeIntro: "请选择您要进入的业务模块。",
      open: "进入",
      loadingModule: "正在加载“{name}”模块…",
      moduleFailedTitle: "“{name}”模块暂时无法加载",
      moduleFailedHint: "该模块的服务可能正在维护或网络不通。平台的其他功能不受影响，您可以稍后重试。",
      technicalDetail: "技术信息",
      retry: "重新加载",
      notFound: "页面不存在",
      backHome: "返回首页",
      configFailed: "平台配置加载失败，请刷新页面或联系管理员。",
      footer: "学考平台 · 考籍管理与成绩认定",
    },
  },
  en: {
    shell: {
      title: "Xuekao",
      subtitle: "Exam records and score certification",
      skipToContent: "Skip to main content",
      mainNav: "Main navigation",
      language: "Language",
      home: "Home",
      remotes: { candidate: "Candidates", school: "Schools", bureau: "Exam authority" },
      homeIntro: "Choose the area you want to work in.",
      open: "Open",
      loadingModule: "Loading “{name}”…",
      moduleFailedTitle: "“{name}” cannot be loaded right now",
      moduleFailedHint: "Its service may be under maintenance or unreachable. The rest of the platform keeps working; please try again later.",
      technicalDetail: "Technical detail",
      retry: "Retry",
      notFound: "Page not found",
      backHome: "Back to home",
      configFailed: "The platform configuration could not be loaded. Reload the page or contact the administrator.",
      footer: "Xuekao · exam records and score certification",
    },
  },
};

export function createShellI18n(locale: Locale = DEFAULT_LOCALE) {
  return createI18n({
    legacy: false,
    locale,
    fallbackLocale: DEFAULT_LOCALE,
    messages: shellMessages,
  });
}

export type ShellI18n = ReturnType<typeof createShellI18n>;

/** The shell's one i18n instance; remotes merge their messages into it when they load. */
export const i18n = createShellI18n();
