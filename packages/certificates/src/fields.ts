import { z } from "zod";

/** What a certificate says, exactly as issued (the signed payload). Strings only: nothing is re-derived on display. */
export interface CertificateFields {
  /**
   * The verification code (`XXXXX-XXXXX`), signed with the rest: a valid token copied onto
   * another code does not verify there.
   */
  code: string;
  kind: CertificateKind;
  /** "外省普通高中学业水平合格性考试成绩认定结果" / "普通高中学业水平合格性考试成绩证明" */
  title: string;
  issuerName: string;
  provinceCode: string;
  holderName: string;
  /** Masked before signing: the full ID number is never in a certificate anyone may verify. */
  idNumberMasked: string;
  recordNumber: string | null;
  /** For certification results: the province the marks come from. */
  originProvinceName: string | null;
  subjects: CertificateSubject[];
  /** ISO instant. */
  issuedAt: string;
}

/** What the issuing module supplies; the code and the issue time are assigned when it is issued. */
export type CertificateContent = Omit<CertificateFields, "code" | "issuedAt">;

export type CertificateKind = "CERTIFICATION_RESULT" | "SCORE_CERTIFICATE";
export const CERTIFICATE_KINDS = ["CERTIFICATION_RESULT", "SCORE_CERTIFICATE"] as const;

export interface CertificateSubject {
  code: string;
  name: string;
  result: "合格" | "不合格";
  detail: string | null;
}

const text = (max: number) => z.string().min(1).max(max);

export const certificateFieldsSchema = z
  .object({
    code: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/),
    kind: z.enum(CERTIFICATE_KINDS),
    title: text(100),
    issuerName: text(100),
    provinceCode: z.string().regex(/^\d{2}$/),
    holderName: text(100),
    idNumberMasked: text(40),
    recordNumber: text(40).nullable(),
    originProvinceName: text(40).nullable(),
    subjects: z
      .array(z.object({ code: text(40), name: text(40), result: z.enum(["合格", "不合格"]), detail: z.string().max(200).nullable() }).strict())
      .max(40),
    issuedAt: z.iso.datetime(),
  })
  .strict();

/** Checks fields (before signing, and again after verifying a payload: a well-signed but odd payload is still refused). */
export function parseCertificateFields(value: unknown): CertificateFields {
  return certificateFieldsSchema.parse(value);
}

/**
 * The canonical serialisation: JSON with the keys of every object sorted, no spaces. The same
 * fields always give the same bytes, so the signature is over the content, not its order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}
