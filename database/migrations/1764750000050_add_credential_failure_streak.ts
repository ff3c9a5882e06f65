import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Gateway health beyond a refused key: a credential can also be `unreachable` (the connection
 * test could not reach the service) or `failing` (several real calls in a row failed, or the
 * gateway handed out a PIX code that does not check). `health_failures` counts the current
 * streak of failed calls and `health_failing_since` says when it started, so "3 failures within
 * 10 minutes" is one atomic UPDATE however many workers call the gateway at once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('credentials', (table) => {
      table.integer('health_failures').notNullable().defaultTo(0)
      table.timestamp('health_failing_since', { useTz: true }).nullable()
    })
    this.schema.raw('ALTER TABLE credentials DROP CONSTRAINT credentials_health_status_check')
    this.schema.raw(`ALTER TABLE credentials ADD CONSTRAINT credentials_health_status_check
      CHECK (health_status IN ('unknown','ok','invalid','unreachable','failing'))`)
  }

  async down() {
    this.schema.raw(`UPDATE credentials SET health_status = 'unknown'
      WHERE health_status IN ('unreachable','failing')`)
    this.schema.raw('ALTER TABLE credentials DROP CONSTRAINT credentials_health_status_check')
    this.schema.raw(`ALTER TABLE credentials ADD CONSTRAINT credentials_health_status_check
      CHECK (health_status IN ('unknown','ok','invalid'))`)
    this.schema.alterTable('credentials', (table) => {
      table.dropColumn('health_failures')
      table.dropColumn('health_failing_since')
    })
  }
}
