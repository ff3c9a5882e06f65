import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Optional TOTP second factor: the secret encrypted with the app key (set when enrolment
 * starts, in force once `two_factor_enabled_at` is set) and the SHA-256 of each unused
 * recovery code.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.text('two_factor_secret').nullable()
      table.timestamp('two_factor_enabled_at', { useTz: true }).nullable()
      table.jsonb('two_factor_recovery_codes').nullable()
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('two_factor_secret')
      table.dropColumn('two_factor_enabled_at')
      table.dropColumn('two_factor_recovery_codes')
    })
  }
}
