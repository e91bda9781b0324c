/** A province-level division of the mainland (GB/T 2260): province, autonomous region or municipality. */
export interface Province {
  /** The first two digits of every area code inside it ("15"). */
  code: string;
  /** The full Chinese name, as documents write it (内蒙古自治区). */
  name: string;
  /** The name without 省/市/自治区 (内蒙古), for tight tables and labels. */
  shortName: string;
  /** The English name the English pages use (Inner Mongolia). */
  englishName: string;
  /**
   * Whether a prefecture-level tier (盟/市/州/地区) stands between the province and its counties
   * and districts. False only for the four municipalities, whose districts sit directly under
   * them: that is why Beijing's organisation paths have no league element.
   */
  hasLeagueLevel: boolean;
}

const division = (code: string, name: string, shortName: string, englishName: string, hasLeagueLevel = true): Province =>
  Object.freeze({ code, name, shortName, englishName, hasLeagueLevel });

/**
 * The 31 province-level divisions of the mainland in GB/T 2260 order: the provinces a candidate,
 * school or exam session can belong to (Taiwan, Hong Kong and Macao have no exam institute here).
 */
export const PROVINCES: readonly Province[] = Object.freeze([
  division("11", "北京市", "北京", "Beijing", false),
  division("12", "天津市", "天津", "Tianjin", false),
  division("13", "河北省", "河北", "Hebei"),
  division("14", "山西省", "山西", "Shanxi"),
  division("15", "内蒙古自治区", "内蒙古", "Inner Mongolia"),
  division("21", "辽宁省", "辽宁", "Liaoning"),
  division("22", "吉林省", "吉林", "Jilin"),
  division("23", "黑龙江省", "黑龙江", "Heilongjiang"),
  division("31", "上海市", "上海", "Shanghai", false),
  division("32", "江苏省", "江苏", "Jiangsu"),
  division("33", "浙江省", "浙江", "Zhejiang"),
  division("34", "安徽省", "安徽", "Anhui"),
  division("35", "福建省", "福建", "Fujian"),
  division("36", "江西省", "江西", "Jiangxi"),
  division("37", "山东省", "山东", "Shandong"),
  division("41", "河南省", "河南", "Henan"),
  division("42", "湖北省", "湖北", "Hubei"),
  division("43", "湖南省", "湖南", "Hunan"),
  division("44", "广东省", "广东", "Guangdong"),
  division("45", "广西壮族自治区", "广西", "Guangxi"),
  division("46", "海南省", "海南", "Hainan"),
  division("50", "重庆市", "重庆", "Chongqing", false),
  division("51", "四川省", "四川", "Sichuan"),
  division("52", "贵州省", "贵州", "Guizhou"),
  division("53", "云南省", "云南", "Yunnan"),
  division("54", "西藏自治区", "西藏", "Tibet"),
  division("61", "陕西省", "陕西", "Shaanxi"),
  division("62", "甘肃省", "甘肃", "Gansu"),
  division("63", "青海省", "青海", "Qinghai"),
  division("64", "宁夏回族自治区", "宁夏", "Ningxia"),
  division("65", "新疆维吾尔自治区", "新疆", "Xinjiang"),
]);

const BY_CODE = new Map(PROVINCES.map((province) => [province.code, province]));

/** The province with exactly this two-digit code ("15"), or undefined: "150000" is an area code, not a province code. */
export function provinceByCode(code: string): Province | undefined {
  return BY_CODE.get(code);
}

/** Whether the value is exactly the two-digit code of a mainland province-level division: what an input field of a province accepts. */
export function isProvinceCode(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * The name to show for a province code or any area code inside it ("13" or "130102" → 河北省,
 * in English Hebei). An unknown code is shown as it is, so a bad row is visible rather than blank.
 */
export function provinceName(code: string, locale = "zh-CN"): string {
  const province = BY_CODE.get(code.slice(0, 2));
  if (!province) return code;
  return locale.toLowerCase().startsWith("zh") ? province.name : province.englishName;
}
