import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The lost-delivery sweep (every minute, across workspaces) reads deliveries still to send by
 * when they are due. A partial index keeps that read proportional to the unsent rows, not to
 * every delivery ever made.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX postback_deliveries_unsent_due_idx
      ON postback_deliveries ((COALESCE(next_attempt_at, updated_at)))
      WHERE status IN ('pending', 'failed')`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS postback_deliveries_unsent_due_idx')
  }
}
