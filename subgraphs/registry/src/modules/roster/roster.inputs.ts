import { FileUploadTicket, SpreadsheetImport } from "@xuekao/subgraph-kit";
import { Field, ObjectType } from "type-graphql";
import { RosterEntry } from "./roster.entity.js";

@ObjectType({ description: "一页学籍名单（按班级、学籍号排序）" })
export class RosterEntryPage {
  @Field(() => [RosterEntry])
  items!: RosterEntry[];

  @Field(() => String, { nullable: true, description: "下一页的游标；没有下一页时为 null" })
  nextCursor!: string | null;
}

@ObjectType({ description: "新开始的学籍名单导入：导入记录与文件上传凭证" })
export class RosterImportStart {
  @Field(() => SpreadsheetImport)
  import!: SpreadsheetImport;

  @Field(() => FileUploadTicket)
  upload!: FileUploadTicket;
}

@ObjectType({ description: "可下载的表格模板（.xlsx，Base64 编码）" })
export class SpreadsheetTemplateFile {
  @Field(() => String)
  fileName!: string;

  @Field(() => String)
  contentType!: string;

  @Field(() => String, { description: "文件内容（Base64）" })
  contentBase64!: string;
}
