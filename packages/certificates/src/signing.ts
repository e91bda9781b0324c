import { CompactSign, compactVerify, decodeProtectedHeader, importJWK, type JWK } from "jose";
import { canonicalJson, parseCertificateFields, type CertificateFields } from "./fields.js";

/** The JWS algorithm (Ed25519 signatures). */
export const CERTIFICATE_ALGORITHM = "EdDSA";
/** The JWS `typ`: a token of another kind signed with the same key is not a certificate. */
export const CERTIFICATE_TOKEN_TYPE = "xuekao-certificate+jws";

/** Signs the canonical serialisation of `fields` as a compact JWS (`alg: EdDSA`, `kid` in the header). */
export async function signCertificateFields(fields: CertificateFields, privateJwk: JWK & { kid: string }): Promise<string> {
  const checked = parseCertificateFields(fields);
  const key = await importJWK(privateJwk, CERTIFICATE_ALGORITHM);
  return new CompactSign(new TextEncoder().encode(canonicalJson(checked)))
    .setProtectedHeader({ alg: CERTIFICATE_ALGORITHM, kid: privateJwk.kid, typ: CERTIFICATE_TOKEN_TYPE })
    .sign(key);
}

export interface CertificateTokenVerification {
  /** The signature holds under one of the known public keys, and the payload is a certificate. */
  signatureValid: boolean;
  /** The fields the token carries when they can be read at all (even when the signature fails, so a page can show what was altered); null when unreadable. */
  fields: CertificateFields | null;
}

/** The fields a token's payload claims, unverified (null when it cannot be read as certificate fields). */
export function readCertificateToken(jws: string): CertificateFields | null {
  const parts = jws.split(".");
  if (parts.length !== 3) return null;
  try {
    return parseCertificateFields(JSON.parse(Buffer.from(parts[1]!, "base64url").toString("utf8")));
  } catch {
    return null;
  }
}

/**
 * Verifies a certificate token against the known public keys (the current one and retired ones),
 * chosen by the header's `kid`. A changed payload, a changed signature, an unknown key, another
 * algorithm or type all give `signatureValid: false`.
 */
export async function verifyCertificateToken(jws: string, publicKeys: readonly JWK[]): Promise<CertificateTokenVerification> {
  const claimed = readCertificateToken(jws);
  let header;
  try {
    header = decodeProtectedHeader(jws);
  } catch {
    return { signatureValid: false, fields: claimed };
  }
  if (header.alg !== CERTIFICATE_ALGORITHM || header.typ !== CERTIFICATE_TOKEN_TYPE) return { signatureValid: false, fields: claimed };
  const jwk = publicKeys.find((key) => key.kid === header.kid);
  if (!jwk) return { signatureValid: false, fields: claimed };
  try {
    const { d: _private, ...publicOnly } = jwk;
    const key = await importJWK(publicOnly, CERTIFICATE_ALGORITHM);
    const { payload } = await compactVerify(jws, key, { algorithms: [CERTIFICATE_ALGORITHM] });
    const fields = parseCertificateFields(JSON.parse(new TextDecoder().decode(payload)));
    return { signatureValid: true, fields };
  } catch {
    return { signatureValid: false, fields: claimed };
  }
}
