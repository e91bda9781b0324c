/** Merged into the shell's i18n when the remote loads; every key lives under "school". */
export const messages = {
  "zh-CN": {
    school: {
      title: "学校管理",
      records: {
        heading: "考籍管理",
        intro: "您管理范围内学生的考籍信息（班主任为所带班级，学校为全校；最多显示 50 条）。",
        recordNumber: "考籍号",
        candidate: "考生姓名",
        school: "所在学校",
        status: "考籍状态",
        unavailable: "暂不可用",
        empty: "暂无考籍记录",
        count: "共 {n} 条记录",
        tableLabel: "考籍记录列表",
      },
      status: {
        PRE_REGISTERED: "预注册",
        REGISTERED: "已注册",
        SUSPENDED: "已暂停",
        TRANSFERRED_OUT: "已转出",
        GRADUATED: "已毕业",
      },
      summary: { records: "考籍记录", registered: "已注册" },
    },
  },
  en: {
    school: {
      title: "School administration",
      records: {
        heading: "Exam records",
        intro: "Exam records of the students in your care (your classes, or the whole school; up to 50).",
        recordNumber: "Record number",
        candidate: "Candidate",
        school: "School",
        status: "Status",
        unavailable: "Unavailable",
        empty: "No exam records yet",
        count: "{n} records",
        tableLabel: "Exam records",
      },
      status: {
        PRE_REGISTERED: "Pre-registered",
        REGISTERED: "Registered",
        SUSPENDED: "Suspended",
        TRANSFERRED_OUT: "Transferred out",
        GRADUATED: "Graduated",
      },
      summary: { records: "Exam records", registered: "Registered" },
    },
  },
};

export const STATUS_TAG_TYPE: Record<string, "success" | "info" | "warning" | "danger" | "primary"> = {
  PRE_REGISTERED: "info",
  REGISTERED: "success",
  SUSPENDED: "warning",
  TRANSFERRED_OUT: "info",
  GRADUATED: "primary",
};
