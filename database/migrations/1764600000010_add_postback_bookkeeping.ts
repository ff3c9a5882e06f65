import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Bookkeeping that makes postbacks crash-safe and credentials honest:
 * - `postbacks_planned_at` on payment transitions (the creation's `pending` one is the "PIX
 *   generated" fact): null until the postbacks of that fact are planned. A transition commits
 *   with a null here, so a crash between the commit and the enqueue leaves a row that the
 *   outbox sweep finds (a partial index keeps the sweep cheap).
 * - the health of a credential as the last real call saw it: UTMify answering 401/403 marks it
 *   `invalid` (the agency sees it on the credentials page) until a connection test or a later
 *   successful delivery says otherwise.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('payment_transitions', (table) => {
      table.timestamp('postbacks_planned_at', { useTz: true }).nullable()
    })
    this.schema.alterTable('credentials', (table) => {
      /** unknown | ok | invalid */
      table.string('health_status', 20).notNullable().defaultTo('unknown')
      table.text('health_error').nullable()
      table.timestamp('health_checked_at', { useTz: true }).nullable()
    })
    /** Rows that existed before this migration were announced already. */
    this.defer(async (db) => {
      await db.rawQuery('UPDATE payment_transitions SET postbacks_planned_at = created_at')
    })
    this.schema.raw(`CREATE INDEX payment_transitions_postbacks_unplanned_idx
      ON payment_transitions (created_at) WHERE postbacks_planned_at IS NULL`)
    this.schema.raw(`ALTER TABLE credentials ADD CONSTRAINT credentials_health_status_check
      CHECK (health_status IN ('unknown','ok','invalid'))`)
  }

  async down() {
    this.schema.alterTable('credentials', (table) => {
      table.dropColumn('health_status')
      table.dropColumn('health_error')
      table.dropColumn('health_checked_at')
    })
    this.schema.alterTable('payment_transitions', (table) => {
      table.dropColumn('postbacks_planned_at')
    })
  }
}
