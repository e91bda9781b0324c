import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

/**
 * A file a subgraph accepted or expects: a slot issued with its limits (size, types judged by the
 * bytes) to one uploader for one subject, then the upload's size, digest and detected type. The
 * bytes live in the storage (local disk or S3) under `storageKey`; who may download it is decided
 * by the module that owns the subject, before a link is signed.
 */
@ObjectType("StoredFile", { description: "已上传的文件（证明材料、照片等）" })
@Directive("@shareable")
@Entity({ tableName: "stored_file" })
@Index({ properties: ["subjectType", "subjectId", "purpose"] })
export class StoredFile {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** What the file is for (a slot kind, e.g. `certification-evidence`). */
  @Field(() => String, { description: "文件用途" })
  @Property({ type: "string", length: 64 })
  purpose!: string;

  @Property({ type: "string", length: 64 })
  subjectType!: string;

  @Property({ type: "string", length: 64 })
  subjectId!: string;

  /** Where the subject sits (ids joined by "/", province first). */
  @Property({ type: "string", length: 400 })
  organizationPath!: string;

  /** The user the upload link was issued to (only they can use it). */
  @Property({ type: "string", length: 128 })
  uploaderId!: string;

  @Property({ type: "integer" })
  maxBytes!: number;

  /** JSON array of MIME types. */
  @Property({ type: "string", length: 400 })
  allowedTypesJson!: string;

  @Property({ type: "string", length: 300 })
  storageKey!: string;

  /** The name the uploader gave (shown when saving); never used to judge the type. */
  @Field(() => String, { description: "文件名" })
  @Property({ type: "string", length: 200 })
  fileName!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  issuedAt!: Date;

  @Field(() => Date, { nullable: true, description: "上传完成时间；尚未上传为 null" })
  @Property({ type: "datetime", nullable: true })
  uploadedAt: Date | null = null;

  @Field(() => Int, { nullable: true, description: "文件大小（字节）" })
  @Property({ type: "integer", nullable: true })
  size: number | null = null;

  @Field(() => String, { nullable: true, description: "按文件内容识别的类型" })
  @Property({ type: "string", length: 100, nullable: true })
  mimeType: string | null = null;

  @Property({ type: "string", length: 64, nullable: true })
  sha256: string | null = null;

  allowedTypes(): string[] {
    return JSON.parse(this.allowedTypesJson) as string[];
  }
}
