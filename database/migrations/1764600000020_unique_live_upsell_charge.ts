import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * One live upsell charge per (order, upsell step): two "Sim, eu quero" clicks racing each other
 * (double tap, two tabs) must not both create a PIX. A charge that failed or expired frees the
 * slot for a new one, so the index only covers pending and paid charges.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE UNIQUE INDEX payments_one_live_upsell_idx
      ON payments (workspace_id, parent_payment_id, step_id)
      WHERE parent_payment_id IS NOT NULL AND status IN ('pending', 'paid')`)
  }

  async down() {
    this.schema.raw('DROP INDEX payments_one_live_upsell_idx')
  }
}
