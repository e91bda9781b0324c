/** An entry of the national list of ethnic groups (GB/T 3304-1991). */
export interface EthnicGroup {
  /** The two-digit code records store ("02"). */
  code: string;
  /** The Chinese name as forms and documents show it (蒙古族). */
  name: string;
}

const NAMES = [
  "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
  "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
  "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
  "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
  "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
  "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
];

/**
 * The ethnicity choices of a candidate's record, in the standard's order: the 56 groups
 * (01 汉族 … 56 基诺族), then 97 其他 (not yet identified) and 98 外国血统中国籍人士 (Chinese
 * citizens of foreign descent). Records store the code; pages show the name.
 */
export const ETHNIC_GROUPS: readonly EthnicGroup[] = Object.freeze([
  ...NAMES.map((name, index) => Object.freeze({ code: String(index + 1).padStart(2, "0"), name })),
  Object.freeze({ code: "97", name: "其他" }),
  Object.freeze({ code: "98", name: "外国血统中国籍人士" }),
]);

const BY_CODE = new Map(ETHNIC_GROUPS.map((group) => [group.code, group]));

/** The group with this two-digit code ("02" → 蒙古族), or undefined. */
export function ethnicGroupByCode(code: string): EthnicGroup | undefined {
  return BY_CODE.get(code);
}

/** Whether the value is exactly one of the codes of the list: what an ethnicity field accepts ("2" is not "02"). */
export function isEthnicGroupCode(code: string): boolean {
  return BY_CODE.has(code);
}
