import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { ProtectedText } from "@xuekao/subgraph-kit";

/** 学籍名单: one student on a school's student-record roster (provisional: the roster module replaces it). */
@Entity({ tableName: "roster_entry" })
@Unique({ properties: ["schoolId", "idNumberLookup"] })
export class RosterEntry {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  @Index()
  schoolId!: string;

  @Property({ type: "uuid" })
  classId!: string;

  @Property({ type: "string", length: 400 })
  @Index()
  organizationPath!: string;

  @Property({ type: "string", length: 32 })
  @Unique()
  studentNumber!: string;

  @Property({ type: "string", length: 60 })
  name!: string;

  @Property({ type: new ProtectedText({ property: "idNumberLookup", purpose: "id-number" }) })
  idNumber!: string;

  @Property({ type: "string", length: 64 })
  idNumberLookup!: string;

  @Property({ type: "datetime" })
  createdAt!: Date;

  @Property({ type: "datetime" })
  updatedAt!: Date;
}
