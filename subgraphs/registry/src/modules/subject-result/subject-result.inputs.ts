import { FileUploadTicket, SpreadsheetImport } from "@xuekao/subgraph-kit";
import { Field, ObjectType } from "type-graphql";

@ObjectType({ description: "新建的成绩导入：导入记录与文件上传凭证" })
export class OpenedResultImport {
  @Field(() => SpreadsheetImport)
  import!: SpreadsheetImport;

  @Field(() => FileUploadTicket, { description: "以 PUT 上传 .xlsx 文件" })
  upload!: FileUploadTicket;
}

@ObjectType({ description: "成绩导入模板" })
export class ResultImportTemplate {
  @Field(() => String)
  fileName!: string;

  @Field(() => String, { description: ".xlsx 文件内容（Base64）" })
  contentBase64!: string;
}
