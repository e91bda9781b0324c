import "reflect-metadata";
import { Entity, PrimaryKey, Property } from "@mikro-orm/core";

/**
 * One row per scheduled job of a subgraph: who may run it now and how its last run went. The
 * `Scheduler` of every replica competes for this row, so a job runs in one replica at a time
 * and once per interval. A subgraph that schedules jobs lists this entity and creates the table
 * through its own migrations.
 */
@Entity({ tableName: "job_lease" })
export class JobLease {
  /** The job's name, as given to the scheduler; renaming a job starts it afresh. */
  @PrimaryKey({ type: "string", length: 100 })
  name!: string;

  /**
   * The scheduler that holds or last held the lease. Kept after a release so an operator can
   * see where the job last ran; only a live `leaseUntil` makes it a holder.
   */
  @Property({ type: "string", length: 255, nullable: true })
  holder: string | null = null;

  /** Null while nobody runs the job; a run whose holder died blocks others until this instant. */
  @Property({ type: "datetime", nullable: true })
  leaseUntil: Date | null = null;

  /** When the last finished run started; the next run is due one interval later. */
  @Property({ type: "datetime", nullable: true })
  lastRunAt: Date | null = null;

  /** The error of the last run, null once a run succeeds. */
  @Property({ type: "text", nullable: true })
  lastError: string | null = null;

  /** Finished runs, failed ones included. */
  @Property({ type: "integer" })
  runs: number = 0;
}
