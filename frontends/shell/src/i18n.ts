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
    auth: {
      login: {
        title: "登录",
        heading: "登录学考平台",
        intro: "考生、学校和招考机构工作人员使用同一入口登录。",
        username: "用户名或手机号",
        usernamePlaceholder: "请输入用户名或已绑定的手机号",
        password: "密码",
        passwordPlaceholder: "请输入密码",
        submit: "登录",
        required: "请填写用户名和密码",
        failed: "登录失败，请稍后重试",
        unlockAt: "账号将于 {time} 解锁",
        noAccount: "还没有账号？",
        register: "考生注册",
      },
      headerLogin: "登录",
      account: "账号",
      changePasswordMenu: "修改密码",
      changeMobileMenu: "更换手机号",
      logout: "退出登录",
      noRoles: "暂无角色",
      roles: {
        CANDIDATE_IN_SCHOOL: "在校考生",
        CANDIDATE_SOCIAL: "社会考生",
        CLASS_TEACHER: "班主任",
        SCHOOL_ADMIN: "学校管理员",
        SCHOOL_STAFF: "学校工作人员",
        COUNTY_AGENCY: "旗县区招生考试机构",
        LEAGUE_AGENCY: "盟市招生考试机构",
        PROVINCE_INSTITUTE: "省级教育考试院",
        CERTIFICATION_REVIEWER: "成绩认定审核员",
        THIRD_PARTY_CLIENT: "第三方系统",
      },
      noAccess: {
        title: "无权访问",
        detail: "您的账号没有访问“{name}”的权限。如需开通，请联系所在单位的管理员。",
        detailGeneric: "您的账号没有访问该页面的权限。",
        yours: "您可以进入：",
        none: "您的账号暂未开通任何业务模块。",
      },
      home: {
        guestIntro: "请登录后使用考生门户、学校管理或招考机构功能。",
        login: "登录",
        register: "考生注册",
        noConsole: "您的账号暂未开通任何业务模块，请联系所在单位的管理员。",
      },
      sessionExpired: "登录已过期，请重新登录",
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
    auth: {
      login: {
        title: "Sign in",
        heading: "Sign in to Xuekao",
        intro: "Candidates, schools and exam authorities all sign in here.",
        username: "Username or mobile",
        usernamePlaceholder: "Your username or bound mobile number",
        password: "Password",
        passwordPlaceholder: "Your password",
        submit: "Sign in",
        required: "Enter your username and password",
        failed: "Sign-in failed, please try again later",
        unlockAt: "The account unlocks at {time}",
        noAccount: "No account yet?",
        register: "Register as a candidate",
      },
      headerLogin: "Sign in",
      account: "Account",
      changePasswordMenu: "Change password",
      changeMobileMenu: "Change mobile",
      logout: "Sign out",
      noRoles: "No roles",
      roles: {
        CANDIDATE_IN_SCHOOL: "In-school candidate",
        CANDIDATE_SOCIAL: "Social candidate",
        CLASS_TEACHER: "Class teacher",
        SCHOOL_ADMIN: "School admin",
        SCHOOL_STAFF: "School staff",
        COUNTY_AGENCY: "County exam agency",
        LEAGUE_AGENCY: "League/city exam agency",
        PROVINCE_INSTITUTE: "Provincial exam institute",
        CERTIFICATION_REVIEWER: "Certification reviewer",
        THIRD_PARTY_CLIENT: "Third-party system",
      },
      noAccess: {
        title: "No access",
        detail: "Your account may not open “{name}”. Ask your organisation's administrator if you need it.",
        detailGeneric: "Your account may not open this page.",
        yours: "You can open:",
        none: "Your account has no modules yet.",
      },
      home: {
        guestIntro: "Sign in to use the candidate portal, the school console or the exam authority console.",
        login: "Sign in",
        register: "Register as a candidate",
        noConsole: "Your account has no modules yet; ask your organisation's administrator.",
      },
      sessionExpired: "Your session has expired, please sign in again",
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
