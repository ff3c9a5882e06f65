import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * What makes every payment's follow-up re-derivable from PostgreSQL alone (Redis may lose its
 * delayed jobs) and the daily reconciliation visible:
 * - `payments.next_check_at` / `check_attempts`: when the gateway is read next and how many
 *   reads the charge has cost (the polling budget); the sweep picks pending payments whose next
 *   read is overdue, whatever happened to their jobs.
 * - `payments.paid_after_expiry`: the gateway reported paid after we had expired the charge
 *   ("pago após expirar"); the money is honoured like any payment, the flag tells the agency.
 * - `webhook_events.requeued_at` / `requeues`: the inbox sweep's bookkeeping for rows whose
 *   processing job was lost or gave up.
 * - `reconciliation_mismatches`: what the daily comparison with the gateway and UTMify found,
 *   one row per payment, kind and day, with the action taken.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('payments', (table) => {
      table.timestamp('next_check_at', { useTz: true }).nullable()
      table.integer('check_attempts').notNullable().defaultTo(0)
      table.boolean('paid_after_expiry').notNullable().defaultTo(false)
    })
    this.schema.raw(
      `CREATE INDEX payments_pending_next_check_idx ON payments (next_check_at) WHERE status = 'pending'`
    )

    this.schema.alterTable('webhook_events', (table) => {
      table.timestamp('requeued_at', { useTz: true }).nullable()
      table.integer('requeues').notNullable().defaultTo(0)
    })
    this.schema.raw(
      `CREATE INDEX webhook_events_unprocessed_idx ON webhook_events (received_at) WHERE processed_at IS NULL`
    )

    this.schema.createTable('reconciliation_mismatches', (table) => {
      table.bigIncrements('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.integer('payment_id').notNullable()
      /** gateway_status | gateway_missing | gateway_unreachable | utmify_unacknowledged */
      table.string('kind', 40).notNullable()
      /** Our side (the payment's status, or the UTMify fact expected). */
      table.string('ours', 60).notNullable()
      /** Their side (the gateway's status, or the UTMify delivery's state). */
      table.string('theirs', 60).nullable()
      /** status_corrected | postback_resent | postback_planned | none */
      table.string('action', 40).notNullable()
      table.jsonb('details').notNullable().defaultTo('{}')
      /** The workspace-local day of the run that found it. */
      table.date('detected_on').notNullable()
      table.timestamp('detected_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'payment_id', 'kind', 'detected_on'])
      table.index(['workspace_id', 'detected_on'])
      table
        .foreign(['workspace_id', 'payment_id'])
        .references(['workspace_id', 'id'])
        .inTable('payments')
        .onDelete('CASCADE')
    })
  }

  async down() {
    this.schema.dropTable('reconciliation_mismatches')
    this.schema.raw('DROP INDEX IF EXISTS webhook_events_unprocessed_idx')
    this.schema.alterTable('webhook_events', (table) => {
      table.dropColumn('requeued_at')
      table.dropColumn('requeues')
    })
    this.schema.raw('DROP INDEX IF EXISTS payments_pending_next_check_idx')
    this.schema.alterTable('payments', (table) => {
      table.dropColumn('next_check_at')
      table.dropColumn('check_attempts')
      table.dropColumn('paid_after_expiry')
    })
  }
}
