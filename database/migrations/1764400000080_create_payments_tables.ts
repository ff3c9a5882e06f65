import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Payments (integer cents) and every status transition they went through. A funnel with
 * payments cannot be hard-deleted (RESTRICT): money records outlive the funnel, which is archived.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('payments', (table) => {
      table.increments('id')
      table.integer('workspace_id').notNullable()
      table.string('public_token', 64).notNullable().unique()
      table.integer('visitor_id').nullable()
      table.integer('funnel_id').nullable()
      table.integer('step_id').nullable()
      /** The payment this one is an upsell/downsell of. */
      table.integer('parent_payment_id').nullable()
      table.string('gateway', 20).notNullable()
      table.string('external_id', 255).nullable()
      table.integer('amount_cents').notNullable()
      table.string('currency', 3).notNullable().defaultTo('BRL')
      table.string('status', 20).notNullable().defaultTo('pending')
      table.string('payment_method', 50).notNullable().defaultTo('pix')
      /** Main product, bumps and upsell offers, each with its own price in cents. */
      table.jsonb('items').notNullable().defaultTo('[]')
      table.jsonb('customer_data').notNullable().defaultTo('{}')
      table.jsonb('gateway_response').notNullable().defaultTo('{}')
      table.text('pix_code').nullable()
      table.text('pix_qr_svg').nullable()
      /** Shared with the browser pixel's Purchase event so the ad platforms de-duplicate. */
      table.uuid('event_id').notNullable().defaultTo(this.raw('gen_random_uuid()'))
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.timestamp('paid_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'id'])
      table.unique(['workspace_id', 'gateway', 'external_id'])
      table.index(['workspace_id', 'created_at'])
      table.index(['workspace_id', 'status', 'created_at'])
      table.index(['workspace_id', 'funnel_id', 'created_at'])
      table.index(['workspace_id', 'visitor_id'])
    })
    this.schema.raw(
      `CREATE INDEX payments_pending_expiry_idx ON payments (expires_at) WHERE status = 'pending'`
    )
    this.schema.raw(`ALTER TABLE payments
      ADD CONSTRAINT payments_status_check
        CHECK (status IN ('pending','paid','failed','cancelled','expired','refunded','chargedback')),
      ADD CONSTRAINT payments_gateway_check CHECK (gateway IN ('skalepay','sandbox')),
      ADD CONSTRAINT payments_amount_check CHECK (amount_cents > 0),
      ADD CONSTRAINT payments_workspace_fk FOREIGN KEY (workspace_id)
        REFERENCES workspaces (id) ON DELETE CASCADE,
      ADD CONSTRAINT payments_visitor_fk FOREIGN KEY (workspace_id, visitor_id)
        REFERENCES visitors (workspace_id, id) ON DELETE SET NULL (visitor_id),
      ADD CONSTRAINT payments_funnel_fk FOREIGN KEY (workspace_id, funnel_id)
        REFERENCES funnels (workspace_id, id) ON DELETE RESTRICT,
      ADD CONSTRAINT payments_step_fk FOREIGN KEY (workspace_id, step_id)
        REFERENCES funnel_steps (workspace_id, id) ON DELETE SET NULL (step_id),
      ADD CONSTRAINT payments_parent_fk FOREIGN KEY (workspace_id, parent_payment_id)
        REFERENCES payments (workspace_id, id) ON DELETE SET NULL (parent_payment_id)`)

    this.schema.createTable('payment_transitions', (table) => {
      table.bigIncrements('id')
      table.integer('workspace_id').notNullable()
      table.integer('payment_id').notNullable()
      table.string('from_status', 20).nullable()
      table.string('to_status', 20).notNullable()
      /** webhook | poll | admin | api | expiry | checkout */
      table.string('source', 20).notNullable()
      table.bigInteger('webhook_event_id').nullable()
      table.jsonb('details').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table
        .foreign(['workspace_id', 'payment_id'])
        .references(['workspace_id', 'id'])
        .inTable('payments')
        .onDelete('CASCADE')
      table.index(['workspace_id', 'payment_id', 'created_at'])
    })
    /** A status is entered at most once per payment: a replayed transition cannot be recorded twice. */
    this.schema.raw(
      `CREATE UNIQUE INDEX payment_transitions_once ON payment_transitions (payment_id, to_status)`
    )
  }

  async down() {
    this.schema.dropTable('payment_transitions')
    this.schema.dropTable('payments')
  }
}
