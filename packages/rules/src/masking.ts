import { normalizeMobile } from "./mobile.js";

/** What stands in for a value that is not the expected kind: it shows neither its characters nor its length. */
const HIDDEN = "****";

/**
 * An ID number for display to someone whose role does not need it: the first 4 characters
 * (the province and city) and the last 4, the rest starred (`1501**********1012`), enough to
 * tell two people apart and nothing to impersonate either. Only a value of ID-number length
 * (18, or 15 for a first-generation card) shows those parts; anything else is shown as `****`,
 * since a short or malformed value could otherwise be shown almost whole.
 */
export function maskIdNumber(value: string): string {
  const characters = [...value.trim().toUpperCase()];
  if (characters.length === 0) return "";
  if (characters.length !== 18 && characters.length !== 15) return HIDDEN;
  return `${characters.slice(0, 4).join("")}${"*".repeat(characters.length - 8)}${characters.slice(-4).join("")}`;
}

/**
 * A mobile for display in logs and lists: the first 3 and last 4 digits (`138****5678`), as
 * carriers and banks show them. Spaces and a +86 are taken off first; anything that is not a
 * mobile is shown as `****`.
 */
export function maskMobile(value: string): string {
  const mobile = normalizeMobile(value);
  if (!mobile) return value.trim() === "" ? "" : HIDDEN;
  return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
}
