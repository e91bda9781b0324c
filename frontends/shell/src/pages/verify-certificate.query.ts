import { graphql } from "@xuekao/graphql-client";

/** Public: anyone holding a certificate's code checks it, without an account. */
export const VerifyCertificateQuery = graphql(`
  query ShellVerifyCertificate($code: String!) {
    verifyCertificate(code: $code) {
      code
      found
      signatureValid
      revoked
      revokedAt
      revocationReason
      fields {
        code
        kind
        title
        issuerName
        provinceCode
        holderName
        idNumberMasked
        recordNumber
        originProvinceName
        issuedAt
        subjects {
          code
          name
          result
          detail
        }
      }
    }
  }
`);
