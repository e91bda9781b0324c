import { demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { maskIdNumber } from "@xuekao/rules";
import { splitPath } from "@xuekao/subgraph-kit";
import type { CertificationContext } from "../../certification-context.js";
import { Certificate } from "./certificate.entity.js";
import { CertificateService } from "./certificate.service.js";

/**
 * One certificate to try the public verification page with (development only): social1's score
 * certificate (成绩证明), issued by Inner Mongolia. Its code differs per database; social1 sees
 * it in `myCertificates`. Idempotent.
 */
export async function seedCertificateDemo(ctx: CertificationContext): Promise<void> {
  const user = demoUsers.find((item) => item.username === "social1")!;
  const candidateId = demoUserId(user.username);
  if ((await ctx.em.count(Certificate, { candidateId })) > 0) return;
  await ctx.transaction((tx) =>
    new CertificateService().issue(tx, {
      candidateId,
      caseId: null,
      organizationPath: splitPath(demoOrganizationPath(user.organizationId)),
      fields: {
        kind: "SCORE_CERTIFICATE",
        title: "普通高中学业水平合格性考试成绩证明",
        issuerName: "内蒙古自治区教育招生考试中心",
        provinceCode: "15",
        holderName: user.displayName,
        idNumberMasked: maskIdNumber(user.idNumber!),
        recordNumber: null,
        originProvinceName: null,
        subjects: [
          { code: "CHINESE", name: "语文", result: "合格", detail: "2025年6月" },
          { code: "MATHEMATICS", name: "数学", result: "合格", detail: "2025年6月" },
          { code: "PHYSICS", name: "物理", result: "不合格", detail: "2025年6月" },
        ],
      },
    }),
  );
}
