import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";

/**
 * A refresh token, stored only as its SHA-256. Each refresh replaces the token with a new one
 * of the same family; presenting a replaced token again means it was stolen or replayed, and
 * the whole family (every device of that login) is revoked.
 */
@Entity({ tableName: "refresh_token" })
export class RefreshToken {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  @Index()
  userId!: string;

  @Property({ type: "uuid" })
  @Index()
  familyId!: string;

  @Property({ type: "string", length: 64 })
  @Unique()
  tokenHash!: string;

  @Property({ type: "datetime" })
  expiresAt!: Date;

  /** Set when this token was exchanged for a new one. */
  @Property({ type: "datetime", nullable: true })
  replacedAt: Date | null = null;

  /** Set on logout or reuse detection, for every token of the family. */
  @Property({ type: "datetime", nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: "datetime" })
  createdAt!: Date;
}
