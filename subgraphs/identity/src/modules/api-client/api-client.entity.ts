import { randomUUID } from "node:crypto";
import { Entity, PrimaryKey, Property, Unique } from "@mikro-orm/core";

/**
 * A third-party system (学信网 CHSI and others) that reads results over GraphQL with the
 * client-credentials flow. Read-only: what it may read is its list of scopes.
 */
@Entity({ tableName: "api_client" })
export class ApiClient {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** Public identifier the system presents, e.g. `chsi-demo`. */
  @Property({ type: "string", length: 64 })
  @Unique()
  clientId!: string;

  @Property({ type: "string", length: 100 })
  name!: string;

  /** scrypt hash of the secret, like a password. */
  @Property({ type: "text" })
  secretHash!: string;

  /** Space-separated scopes granted, e.g. `results:read`. */
  @Property({ type: "string", length: 400 })
  scopes!: string;

  @Property({ type: "datetime", nullable: true })
  disabledAt: Date | null = null;

  @Property({ type: "datetime" })
  createdAt!: Date;
}
