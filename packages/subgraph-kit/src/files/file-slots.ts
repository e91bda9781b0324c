import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type { MikroORM } from "@mikro-orm/core";
import { isUuid } from "../input.js";
import type { Clock } from "../clock.js";
import { fileErrors } from "./file-errors.js";
import type { FileRoutesOptions } from "./file-routes.js";
import type { FileStorage } from "./storage.js";
import { Ctx, Directive, Field, FieldResolver, ID, Int, ObjectType, Resolver, Root } from "type-graphql";
import { requireCaller } from "../auth/authorization.js";
import { PATH_SEPARATOR } from "../auth/scope-query.js";
import type { RequestContext } from "../context.js";
import { signFileUrl } from "./signed-url.js";
import { StoredFile } from "./stored-file.entity.js";

/** A kind of upload a module accepts: its purpose, size limit and types (judged by the bytes). */
export interface FileSlotSpec {
  purpose: string;
  maxBytes: number;
  allowedTypes: string[];
  /** How long the upload link stays valid. */
  uploadValidMinutes?: number;
}

/** How long a download link stays valid (a page asks again when it needs one later). */
export const DOWNLOAD_VALID_MINUTES = 10;

/** What a page needs to send one file: where to PUT it, until when, and the limits it may check first. */
@ObjectType("FileUploadTicket", { description: "上传凭证：在有效期内以 PUT 将文件内容发送到 uploadUrl（须带登录凭证）" })
@Directive("@shareable")
export class FileUploadTicket {
  @Field(() => ID)
  fileId!: string;

  @Field(() => String, { description: "上传地址（同源相对地址，短时有效）" })
  uploadUrl!: string;

  @Field(() => Date)
  expiresAt!: Date;

  @Field(() => Int, { description: "文件大小上限（字节）" })
  maxBytes!: number;

  @Field(() => [String], { description: "接受的文件类型（按文件内容判断）" })
  allowedTypes!: string[];
}

/** The files service a subgraph with `files: true` puts on its request context (`ctx.files`). */
export interface FileSlots {
  /**
   * Issues an upload slot for `subject` to the signed-in caller (the module has authorised them):
   * the row recording the limits, and a link bound to the caller, valid for a few minutes.
   */
  issueUpload(ctx: RequestContext, spec: FileSlotSpec, request: { subject: { type: string; id: string }; organizationPath: readonly string[]; fileName: string }): Promise<FileUploadTicket>;
  /** A download link for the caller (the module has authorised them), or null while nothing is uploaded. */
  downloadUrl(ctx: RequestContext, file: StoredFile): string | null;
  /** The bytes of an uploaded file, for the subgraph itself to process (a spreadsheet import); null while nothing is uploaded. */
  read(file: StoredFile): Promise<Buffer | null>;
  /**
   * Stores bytes the subgraph made itself (a certificate's PDF) as a complete file of `purpose`:
   * the bytes first, then the row in the context's unit of work (flushed), so a `downloadUrl`
   * serves them like an upload. `contentType` is the subgraph's own word (it made the bytes).
   */
  storeGenerated(
    ctx: RequestContext,
    request: { purpose: string; subject: { type: string; id: string }; organizationPath: readonly string[]; fileName: string; contentType: string; bytes: Buffer },
  ): Promise<StoredFile>;
}

export function fileSlots(subgraph: string, secret: Buffer, storage?: FileStorage): FileSlots {
  return {
    issueUpload: async (ctx, spec, request) => {
      const caller = requireCaller(ctx.caller);
      const now = ctx.clock.now();
      const id = randomUUID();
      const expiresAt = new Date(now.getTime() + (spec.uploadValidMinutes ?? 10) * 60_000);
      const fileName = [...request.fileName.trim()].slice(0, 100).join("") || "file";
      ctx.em.create(StoredFile, {
        id,
        purpose: spec.purpose,
        subjectType: request.subject.type,
        subjectId: request.subject.id,
        organizationPath: request.organizationPath.join(PATH_SEPARATOR),
        uploaderId: caller.subject,
        maxBytes: spec.maxBytes,
        allowedTypesJson: JSON.stringify(spec.allowedTypes),
        // Not derived from anything the uploader sent: the key is ours.
        storageKey: `${spec.purpose}/${id}`,
        fileName,
        issuedAt: now,
      });
      await ctx.em.flush();
      return {
        fileId: id,
        uploadUrl: signFileUrl(secret, { subgraph, op: "upload", fileId: id, expiresAt, subject: caller.subject }),
        expiresAt,
        maxBytes: spec.maxBytes,
        allowedTypes: spec.allowedTypes,
      };
    },
    downloadUrl: (ctx, file) => {
      if (!file.uploadedAt) return null;
      const caller = requireCaller(ctx.caller);
      const expiresAt = new Date(ctx.clock.now().getTime() + DOWNLOAD_VALID_MINUTES * 60_000);
      return signFileUrl(secret, { subgraph, op: "download", fileId: file.id, expiresAt, subject: caller.subject });
    },
    read: async (file) => {
      if (!file.uploadedAt) return null;
      if (!storage) throw new Error(`the ${subgraph} subgraph has no file storage to read from`);
      const stored = await storage.get(file.storageKey);
      if (!stored) return null;
      const chunks: Buffer[] = [];
      for await (const chunk of stored.body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks);
    },
    storeGenerated: async (ctx, request) => {
      if (!storage) throw new Error(`the ${subgraph} subgraph has no file storage to write to`);
      const id = randomUUID();
      const storageKey = `${request.purpose}/${id}`;
      await storage.put(storageKey, Readable.from([request.bytes]), { contentType: request.contentType, size: request.bytes.length });
      const now = ctx.clock.now();
      const file = ctx.em.create(StoredFile, {
        id,
        purpose: request.purpose,
        subjectType: request.subject.type,
        subjectId: request.subject.id,
        organizationPath: request.organizationPath.join(PATH_SEPARATOR),
        // Made by the subgraph, on behalf of whoever asked (or a system task).
        uploaderId: ctx.caller?.subject ?? `system:${subgraph}`,
        maxBytes: request.bytes.length,
        allowedTypesJson: JSON.stringify([request.contentType]),
        storageKey,
        fileName: [...request.fileName.trim()].slice(0, 100).join("") || "file",
        issuedAt: now,
        uploadedAt: now,
        size: request.bytes.length,
        mimeType: request.contentType,
        sha256: createHash("sha256").update(request.bytes).digest("hex"),
      });
      await ctx.em.flush();
      return file;
    },
  };
}

/** For a subgraph without `files`: any use is a programming error, said plainly. */
export function filesNotEnabled(subgraph: string): FileSlots {
  const refuse = (): never => {
    throw new Error(`the ${subgraph} subgraph does not accept files: set \`files: true\` in its definition`);
  };
  return { issueUpload: refuse, downloadUrl: refuse, read: refuse, storeGenerated: refuse };
}

/** The upload side of the file routes over `stored_file`: what a slot allows, and recording the upload once. */
export function storedFileUploads(orm: MikroORM, clock: Clock): NonNullable<FileRoutesOptions["uploads"]> {
  return {
    slot: async (fileId) => {
      if (!isUuid(fileId)) return null;
      const file = await orm.em.fork().findOne(StoredFile, { id: fileId });
      if (!file) return null;
      return { maxBytes: file.maxBytes, allowedTypes: file.allowedTypes(), storageKey: file.storageKey, subject: file.uploaderId, completed: file.uploadedAt !== null };
    },
    stored: async (fileId, upload) => {
      const em = orm.em.fork();
      // Written once: of two uploads racing for one slot (two replicas), the second is refused.
      const updated = await em.nativeUpdate(
        StoredFile,
        { id: fileId, uploadedAt: null },
        { uploadedAt: clock.now(), size: upload.size, sha256: upload.sha256, mimeType: upload.mimeType },
      );
      if (updated !== 1) throw fileErrors.alreadyCompleted();
    },
  };
}

/** The download side: what a signed link names, for the route to stream. */
export function storedFileDownloads(orm: MikroORM): NonNullable<FileRoutesOptions["downloads"]> {
  return {
    file: async (fileId) => {
      if (!isUuid(fileId)) return null;
      const file = await orm.em.fork().findOne(StoredFile, { id: fileId });
      if (!file?.uploadedAt || !file.mimeType || file.size === null) return null;
      const viewable = file.mimeType.startsWith("image/") || file.mimeType === "application/pdf";
      return { storageKey: file.storageKey, contentType: file.mimeType, fileName: file.fileName, size: file.size, disposition: viewable ? "inline" : "attachment" };
    },
  };
}

/** A stored file's link, for whoever reached it through a field their scope allows (the parent decided). */
@Resolver(() => StoredFile)
export class StoredFileResolver {
  @FieldResolver(() => String, { nullable: true, description: "下载地址（同源相对地址，约 10 分钟内有效，须带登录凭证）；尚未上传为 null" })
  downloadUrl(@Root() file: StoredFile, @Ctx() ctx: RequestContext): string | null {
    return ctx.files.downloadUrl(ctx, file);
  }
}
