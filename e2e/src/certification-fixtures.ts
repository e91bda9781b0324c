/**
 * A grade for each of the 13 certifiable subjects on Hebei's scale (A–D, C passes; art one mark,
 * not split): what a reviewer reads off a Hebei score certificate in the browser suites.
 */
export const HEBEI_GRADES = [
  ["CHINESE", "B"],
  ["MATHEMATICS", "C"],
  ["FOREIGN_LANGUAGE", "A"],
  ["POLITICS", "B"],
  ["HISTORY", "B"],
  ["GEOGRAPHY", "C"],
  ["PHYSICS", "C"],
  ["CHEMISTRY", "B"],
  ["BIOLOGY", "A"],
  ["INFORMATION_TECHNOLOGY", "A"],
  ["GENERAL_TECHNOLOGY", "B"],
  ["ARTS", "A"],
  ["PHYSICAL_EDUCATION", "A"],
] as const;
