import { recognitionSubjectName } from "@xuekao/rules";
import { Rule, signedIn } from "@xuekao/subgraph-kit";
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { ExamRecord } from "../exam-record/exam-record.entity.js";
import { CertifiedSubject } from "./certified-subject.entity.js";
import { CertifiedSubjectService } from "./certified-subject.service.js";

const certified = new CertifiedSubjectService();

@Resolver(() => CertifiedSubject)
export class CertifiedSubjectResolver {
  @Query(() => [CertifiedSubject], { nullable: true, description: "本人的认定科目（外省合格考成绩转入认定通过的科目及结论），按科目代码排序" })
  @Rule(signedIn("本人的认定科目"))
  myCertifiedSubjects(@Ctx() ctx: RegistryContext): Promise<CertifiedSubject[]> {
    return certified.mine(ctx);
  }

  @FieldResolver(() => String, { description: "科目名称" })
  subjectName(@Root() subject: CertifiedSubject): string {
    return recognitionSubjectName(subject.subjectCode);
  }
}

/** The record's certified subjects, for whoever may read the record (its query already scoped it). */
@Resolver(() => ExamRecord)
export class ExamRecordCertifiedSubjectsResolver {
  @FieldResolver(() => [CertifiedSubject], { description: "认定科目（外省合格考成绩转入认定通过的科目及结论）" })
  certifiedSubjects(@Root() record: ExamRecord, @Ctx() ctx: RegistryContext): Promise<CertifiedSubject[]> {
    // A bare federation reference carries only the id: nothing to show for it.
    if (!record.candidateId) return Promise.resolve([]);
    return certified.ofCandidate(ctx, record.candidateId);
  }
}
