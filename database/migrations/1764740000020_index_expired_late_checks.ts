import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An expired PIX gets one late read at its gateway (a payment taken after our countdown whose
 * postback never came): the sweep finds those rows by this partial index.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX payments_expired_late_check_idx ON payments (next_check_at)
      WHERE status = 'expired' AND next_check_at IS NOT NULL`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS payments_expired_late_check_idx')
  }
}
