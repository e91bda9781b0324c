import { Field, ID, InputType, Int, ObjectType } from "type-graphql";

@InputType({ description: "导入某考次的成绩（.xlsx，按成绩导入模板填写）" })
export class ImportSubjectResultsInput {
  @Field(() => ID)
  sessionId!: string;

  @Field(() => String, { description: "文件内容（.xlsx 的 Base64 编码，至多约 700 KB）" })
  contentBase64!: string;

  @Field(() => Boolean, { description: "true：只检查并报告问题，不保存；false：全部行无误时一次保存全部，有任何问题则一行也不保存" })
  dryRun!: boolean;
}

@ObjectType({ description: "成绩文件中一行的一个问题（只说明本行，不含其他行的个人信息）" })
export class ResultImportProblem {
  @Field(() => Int, { description: "Excel 中的行号（表头为第 1 行）" })
  row!: number;

  @Field(() => String, { description: "列名，如 考籍号" })
  column!: string;

  @Field(() => String, { description: "问题代码，如 RESULT_OUT_OF_SCOPE" })
  code!: string;

  @Field(() => String, { description: "问题说明（中文）" })
  message!: string;
}

@ObjectType({ description: "成绩导入结果：试导入报告，或保存结果" })
export class ResultImportReport {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Boolean, { description: "是否已保存（只有全部行无误且非试导入时为 true）" })
  committed!: boolean;

  @Field(() => Int, { description: "数据行数" })
  rowCount!: number;

  @Field(() => Int, { description: "无误的行数" })
  validCount!: number;

  @Field(() => [ResultImportProblem])
  problems!: ResultImportProblem[];
}

@ObjectType({ description: "成绩导入模板" })
export class ResultImportTemplate {
  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: ".xlsx 文件内容（Base64）" })
  contentBase64!: string;
}
