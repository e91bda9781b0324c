/** Merged into the shell's i18n when the remote loads; every key lives under "candidate". */
export const messages = {
  "zh-CN": {
    candidate: {
      title: "考生门户",
      sessions: {
        heading: "考次安排",
        intro: "以下为已发布的考次及报名时间（北京时间）。",
        code: "考次代码",
        window: "报名时间",
        opensAt: "开始",
        closesAt: "截止",
        empty: "暂无已发布的考次",
        count: "共 {n} 个考次",
      },
      summary: { sessions: "已发布考次", next: "最近报名截止", none: "暂无" },
    },
  },
  en: {
    candidate: {
      title: "Candidate portal",
      sessions: {
        heading: "Exam sessions",
        intro: "Published exam sessions and their registration windows (Beijing time).",
        code: "Session code",
        window: "Registration",
        opensAt: "Opens",
        closesAt: "Closes",
        empty: "No exam sessions have been published yet",
        count: "{n} sessions",
      },
      summary: { sessions: "Published sessions", next: "Next registration deadline", none: "None" },
    },
  },
};
