import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * When a visitor's page said `leave` (pagehide) and nothing of it came after: the offline sweep
 * turns such a visitor offline within seconds instead of after a minute of silence. The partial
 * index holds only online visitors that left, so the sweep every second reads a handful of rows.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('visitors', (table) => {
      table.timestamp('left_at', { useTz: true }).nullable()
    })
    this.schema.raw(
      `CREATE INDEX visitors_left_idx ON visitors (left_at) WHERE is_online AND left_at IS NOT NULL`
    )
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS visitors_left_idx')
    this.schema.alterTable('visitors', (table) => {
      table.dropColumn('left_at')
    })
  }
}
