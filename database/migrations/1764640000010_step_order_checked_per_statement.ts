import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The unique (funnel_id, order_index) was INITIALLY DEFERRED, checked at COMMIT, and knex loses
 * a violation found at COMMIT: the transaction rolls back and no error reaches the caller (the
 * write silently vanished). DEFERRABLE INITIALLY IMMEDIATE checks it at the end of each
 * statement instead: the reorder still swaps positions in its one UPDATE, and any other
 * violation is an ordinary error of the statement that caused it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`ALTER TABLE funnel_steps
      DROP CONSTRAINT funnel_steps_order_unique,
      ADD CONSTRAINT funnel_steps_order_unique UNIQUE (funnel_id, order_index)
        DEFERRABLE INITIALLY IMMEDIATE`)
  }

  async down() {
    this.schema.raw(`ALTER TABLE funnel_steps
      DROP CONSTRAINT funnel_steps_order_unique,
      ADD CONSTRAINT funnel_steps_order_unique UNIQUE (funnel_id, order_index)
        DEFERRABLE INITIALLY DEFERRED`)
  }
}
