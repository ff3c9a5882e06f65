import { BaseSchema } from '@adonisjs/lucid/schema'

/** When the recovery e-mail of an abandoned checkout was queued (once per session). */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('checkout_sessions', (table) => {
      table.timestamp('recovery_email_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('checkout_sessions', (table) => {
      table.dropColumn('recovery_email_at')
    })
  }
}
