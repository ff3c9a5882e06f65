import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Attribution that survives a fast checkout. Visitors are written by the beacon flush, a second
 * or more after the landing; a buyer who pays before that used to get a payment without visitor
 * and without UTMs. Now:
 * - a payment keeps its own copy of the landing attribution (`attribution`, the visitor columns'
 *   names as keys) and the session it came from (`visitor_session_id`), so the flush links it
 *   to the visitor when the row appears (the partial index is that lookup, empty once linked);
 * - visitors keep GA4's ids from the `_ga` / `_ga_<container>` cookies and TikTok's `_ttp`, for
 *   server events the ad platforms can join to the browser session.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('payments', (table) => {
      table.string('visitor_session_id', 64).nullable()
      table.jsonb('attribution').notNullable().defaultTo('{}')
    })
    this.schema.raw(`CREATE INDEX payments_unlinked_visitor_idx
      ON payments (workspace_id, visitor_session_id)
      WHERE visitor_id IS NULL AND visitor_session_id IS NOT NULL`)
    this.schema.alterTable('visitors', (table) => {
      table.string('ga_client_id', 100).nullable()
      /** GA4 container (measurement id without `G-`) → its current session id. */
      table.jsonb('ga_sessions').notNullable().defaultTo('{}')
      table.string('ttp', 255).nullable()
    })
  }

  async down() {
    this.schema.alterTable('visitors', (table) => {
      table.dropColumn('ga_client_id')
      table.dropColumn('ga_sessions')
      table.dropColumn('ttp')
    })
    this.schema.raw('DROP INDEX payments_unlinked_visitor_idx')
    this.schema.alterTable('payments', (table) => {
      table.dropColumn('visitor_session_id')
      table.dropColumn('attribution')
    })
  }
}
