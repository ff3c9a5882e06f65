import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Upsell charges point at their parent payment (payments_parent_fk, ON DELETE SET NULL). Without
 * an index on the referencing columns every deleted payment scanned all payments for children:
 * deleting a workspace with 100k payments ran for more than 15 minutes. The partial index also
 * serves "the upsells of this payment" on the payment page; top-level payments are not in it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`CREATE INDEX payments_children_idx
      ON payments (workspace_id, parent_payment_id)
      WHERE parent_payment_id IS NOT NULL`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS payments_children_idx')
  }
}
