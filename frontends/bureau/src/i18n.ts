/** Merged into the shell's i18n when the remote loads; every key lives under "bureau". */
export const messages = {
  "zh-CN": {
    bureau: {
      title: "招考机构",
      overview: { heading: "机构与认定业务", intro: "本辖区的组织机构，以及待处理的成绩认定申请。" },
      organizations: {
        heading: "组织机构",
        code: "机构代码",
        name: "机构名称",
        kind: "类型",
        empty: "暂无组织机构",
        tableLabel: "组织机构树",
      },
      kind: { PROVINCE: "省级", LEAGUE: "盟市", COUNTY: "区县", SCHOOL: "学校", CLASS: "班级" },
      cases: {
        heading: "成绩认定申请",
        candidate: "考生",
        origin: "来源省份",
        status: "状态",
        submittedAt: "提交时间",
        empty: "暂无认定申请",
        unavailable: "暂不可用",
        tableLabel: "成绩认定申请列表",
      },
      caseStatus: { PENDING_REVIEW: "待审核", APPROVED: "已认定", REJECTED: "未通过" },
      summary: { organizations: "组织机构", pending: "待审核认定" },
    },
  },
  en: {
    bureau: {
      title: "Exam authority",
      overview: { heading: "Organisations and certification", intro: "Organisations in your jurisdiction and certification cases to handle." },
      organizations: {
        heading: "Organisations",
        code: "Code",
        name: "Name",
        kind: "Kind",
        empty: "No organisations yet",
        tableLabel: "Organisation tree",
      },
      kind: { PROVINCE: "Province", LEAGUE: "League / city", COUNTY: "County", SCHOOL: "School", CLASS: "Class" },
      cases: {
        heading: "Certification cases",
        candidate: "Candidate",
        origin: "Origin province",
        status: "Status",
        submittedAt: "Submitted",
        empty: "No certification cases",
        unavailable: "Unavailable",
        tableLabel: "Certification cases",
      },
      caseStatus: { PENDING_REVIEW: "Pending review", APPROVED: "Approved", REJECTED: "Rejected" },
      summary: { organizations: "Organisations", pending: "Cases pending review" },
    },
  },
};

export const CASE_STATUS_TAG: Record<string, "success" | "warning" | "danger" | "info"> = {
  PENDING_REVIEW: "warning",
  APPROVED: "success",
  REJECTED: "danger",
};

/** Times are shown in Beijing time whatever the device's time zone. */
export function formatBeijingTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}
