import { BaseSchema } from '@adonisjs/lucid/schema'
import {
  DEFAULT_PARTITION,
  PARTITION_SCHEMA,
  monthlyPartitionsSql,
} from '#services/event_partitions'

/**
 * `visitor_events` becomes a table partitioned by month of `created_at` (PostgreSQL declarative
 * partitioning), so years of events stay cheap to query (a dashboard reads the months it asks
 * for) and old months leave by dropping a table instead of a DELETE that bloats the heap.
 *
 * A partitioned table's unique keys must contain the partition key: the primary key becomes
 * (id, created_at) and event de-duplication (workspace_id, event_id, created_at). An event
 * replayed from the buffer keeps its `occurredAt`, so the key still catches it; a second beacon
 * carrying the same event id at another time is caught before the insert (event_dedupe.ts).
 *
 * The rows are copied into the new table in this migration (one pass; an installation with a
 * large table should run it in a maintenance window). Months are created from the oldest row
 * to three months ahead; the `maintain_event_partitions` job keeps three months ahead from then
 * on, and a DEFAULT partition takes anything outside them so no event is ever refused.
 */
export default class extends BaseSchema {
  async up() {
    this.defer(async (db) => {
      await db.rawQuery(`CREATE SCHEMA IF NOT EXISTS ${PARTITION_SCHEMA}`)
      await db.rawQuery(`ALTER TABLE visitor_events RENAME TO visitor_events_unpartitioned`)
      await db.rawQuery(`CREATE TABLE visitor_events (
        id bigint NOT NULL DEFAULT nextval('visitor_events_id_seq'),
        workspace_id integer NOT NULL,
        visitor_id integer NOT NULL,
        funnel_id integer NULL,
        step_id integer NULL,
        event_type varchar(50) NOT NULL,
        event_id uuid NOT NULL,
        event_data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        split_variant_id integer NULL
      ) PARTITION BY RANGE (created_at)`)
      await db.rawQuery(`ALTER SEQUENCE visitor_events_id_seq OWNED BY visitor_events.id`)

      const bounds = await db.rawQuery(
        `SELECT min(created_at) AS oldest FROM visitor_events_unpartitioned`
      )
      const oldest: Date = bounds.rows[0]?.oldest ?? new Date()
      for (const statement of monthlyPartitionsSql(oldest, 3)) await db.rawQuery(statement)
      await db.rawQuery(`CREATE TABLE ${DEFAULT_PARTITION} PARTITION OF visitor_events DEFAULT`)

      await db.rawQuery(`INSERT INTO visitor_events (id, workspace_id, visitor_id, funnel_id,
          step_id, event_type, event_id, event_data, created_at, split_variant_id)
        SELECT id, workspace_id, visitor_id, funnel_id, step_id, event_type, event_id,
          event_data, created_at, split_variant_id FROM visitor_events_unpartitioned`)
      await db.rawQuery(`DROP TABLE visitor_events_unpartitioned`)

      /** Declared on the parent: every partition, present and future, gets them. */
      await db.rawQuery(`ALTER TABLE visitor_events
        ADD CONSTRAINT visitor_events_pkey PRIMARY KEY (id, created_at),
        ADD CONSTRAINT visitor_events_workspace_id_event_id_unique
          UNIQUE (workspace_id, event_id, created_at)`)
      await db.rawQuery(
        `CREATE INDEX visitor_events_workspace_id_created_at_index ON visitor_events (workspace_id, created_at)`
      )
      await db.rawQuery(
        `CREATE INDEX visitor_events_workspace_id_funnel_id_step_id_created_at_index ON visitor_events (workspace_id, funnel_id, step_id, created_at)`
      )
      await db.rawQuery(
        `CREATE INDEX visitor_events_workspace_id_visitor_id_created_at_index ON visitor_events (workspace_id, visitor_id, created_at)`
      )
      await db.rawQuery(
        `CREATE INDEX visitor_events_split_variant_idx ON visitor_events (workspace_id, split_variant_id, visitor_id, created_at) WHERE split_variant_id IS NOT NULL`
      )
      await db.rawQuery(`ALTER TABLE visitor_events
        ADD CONSTRAINT visitor_events_visitor_fk FOREIGN KEY (workspace_id, visitor_id)
          REFERENCES visitors (workspace_id, id) ON DELETE CASCADE,
        ADD CONSTRAINT visitor_events_funnel_fk FOREIGN KEY (workspace_id, funnel_id)
          REFERENCES funnels (workspace_id, id) ON DELETE SET NULL (funnel_id),
        ADD CONSTRAINT visitor_events_step_fk FOREIGN KEY (workspace_id, step_id)
          REFERENCES funnel_steps (workspace_id, id) ON DELETE SET NULL (step_id),
        ADD CONSTRAINT visitor_events_split_variant_fk FOREIGN KEY (workspace_id, split_variant_id)
          REFERENCES split_test_variants (workspace_id, id) ON DELETE SET NULL (split_variant_id)`)
    })
  }

  async down() {
    this.defer(async (db) => {
      await db.rawQuery(
        `CREATE TABLE visitor_events_plain (LIKE visitor_events INCLUDING DEFAULTS)`
      )
      await db.rawQuery(`INSERT INTO visitor_events_plain SELECT * FROM visitor_events`)
      await db.rawQuery(`ALTER SEQUENCE visitor_events_id_seq OWNED BY visitor_events_plain.id`)
      await db.rawQuery(`DROP TABLE visitor_events`)
      await db.rawQuery(`ALTER TABLE visitor_events_plain RENAME TO visitor_events`)
      await db.rawQuery(`DROP SCHEMA IF EXISTS ${PARTITION_SCHEMA} CASCADE`)
      await db.rawQuery(`ALTER TABLE visitor_events
        ADD PRIMARY KEY (id),
        ADD CONSTRAINT visitor_events_workspace_id_event_id_unique UNIQUE (workspace_id, event_id),
        ADD CONSTRAINT visitor_events_visitor_fk FOREIGN KEY (workspace_id, visitor_id)
          REFERENCES visitors (workspace_id, id) ON DELETE CASCADE,
        ADD CONSTRAINT visitor_events_funnel_fk FOREIGN KEY (workspace_id, funnel_id)
          REFERENCES funnels (workspace_id, id) ON DELETE SET NULL (funnel_id),
        ADD CONSTRAINT visitor_events_step_fk FOREIGN KEY (workspace_id, step_id)
          REFERENCES funnel_steps (workspace_id, id) ON DELETE SET NULL (step_id),
        ADD CONSTRAINT visitor_events_split_variant_fk FOREIGN KEY (workspace_id, split_variant_id)
          REFERENCES split_test_variants (workspace_id, id) ON DELETE SET NULL (split_variant_id)`)
      await db.rawQuery(
        `CREATE INDEX visitor_events_workspace_id_created_at_index ON visitor_events (workspace_id, created_at)`
      )
      await db.rawQuery(
        `CREATE INDEX visitor_events_workspace_id_funnel_id_step_id_created_at_index ON visitor_events (workspace_id, funnel_id, step_id, created_at)`
      )
      await db.rawQuery(
        `CREATE INDEX visitor_events_workspace_id_visitor_id_created_at_index ON visitor_events (workspace_id, visitor_id, created_at)`
      )
      await db.rawQuery(
        `CREATE INDEX visitor_events_split_variant_idx ON visitor_events (workspace_id, split_variant_id, visitor_id, created_at) WHERE split_variant_id IS NOT NULL`
      )
    })
  }
}
