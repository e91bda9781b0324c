import { defineErrors } from "@xuekao/subgraph-kit";

export const PreRegistrationErrors = defineErrors("pre-registration", {
  PRE_REGISTRATION_INVALID: {
    category: "BAD_USER_INPUT",
    message: (params: { count: number }) => `有 ${params.count} 项信息需要修改，请按提示逐项更正后再提交`,
  },
  PRE_REGISTRATION_TOO_LONG: { category: "BAD_USER_INPUT", message: (params: { label: string }) => `${params.label}过长，请精简后再保存` },
  PRE_REGISTRATION_NOT_FOUND: { category: "NOT_FOUND", message: "未找到该考籍预注册信息，或不在您的管理范围内" },
  PRE_REGISTRATION_NOT_EDITABLE: { category: "CONFLICT", message: "预注册信息正在审核或已注册，不能修改；被退回后才能修改" },
  PRE_REGISTRATION_STALE: { category: "CONFLICT", message: "预注册信息已在别处修改，请刷新后再保存" },
  NOT_A_CANDIDATE: { category: "FORBIDDEN", message: "只有考生本人可以填写考籍预注册信息" },
  SCHOOL_REQUIRED: { category: "BAD_USER_INPUT", field: "schoolId", message: "请选择学籍所在学校" },
  NOT_ON_ROSTER: {
    category: "BAD_USER_INPUT",
    field: "schoolId",
    message: "该学校的学籍名单中没有您的身份证号码：请确认学校选择正确，或请学校核对学籍名单",
  },
  ROSTER_NAME_MISMATCH: { category: "BAD_USER_INPUT", field: "name", message: "姓名与学校学籍名单中的不一致，请按学籍登记的姓名填写" },
  DUPLICATE_ID_NUMBER: { category: "CONFLICT", field: "idNumber", message: "本省已有考生使用该身份证号码预注册或注册考籍；如有疑问请联系所在旗县区招生考试机构" },
  ID_NUMBER_OTHER_PROVINCE: { category: "BAD_USER_INPUT", field: "householdLocation", message: "社会考生须具有本省户籍：身份证号码的前两位与本省不符时，请持户籍证明到户籍所在地旗县区招生考试机构咨询" },
  NOT_AT_COLLECTION: { category: "CONFLICT", message: "该考生尚未到采集环节，或已采集" },
  DECIDE_BY_COLLECTION: { category: "BAD_USER_INPUT", message: "采集环节须采集照片并核验身份后办理注册" },
  PHOTO_REQUIRED: { category: "BAD_USER_INPUT", field: "photoFileId", message: "请先拍摄或上传考生照片" },
  IDENTITY_NOT_VERIFIED: { category: "BAD_USER_INPUT", field: "identityVerified", message: "请先核验考生身份（与身份证原件比对）" },
  BULK_TOO_MANY: { category: "BAD_USER_INPUT", message: (params: { max: number }) => `一次至多批量审核 ${params.max} 条` },
});
