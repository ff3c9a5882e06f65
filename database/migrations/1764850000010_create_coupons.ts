import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Discount coupons (issue 16 item 2).
 *
 * `coupons`: a workspace's codes (stored upper-case, unique per workspace), a percentage or a
 * fixed amount in cents, and their limits. `uses_count` counts live redemptions; the checkout
 * takes a use with one `UPDATE … WHERE uses_count < max_uses`, so two buyers can never both take
 * the last one, and gives it back when the PIX fails or expires unpaid.
 *
 * `coupon_funnels`: the funnels a coupon is restricted to (none = every funnel), with composite
 * keys so a coupon can never point at another workspace's funnel.
 *
 * `coupon_redemptions`: one row per payment that used a coupon, with the buyer's e-mail and CPF
 * (the per-buyer limit counts these) and `released_at` once the use was given back.
 *
 * `payments` gains the price before the discount, the discount and the code as typed: the amount
 * stays the total the buyer pays (revenue is therefore net of discounts everywhere).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('coupons', (table) => {
      table.increments('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.string('code', 40).notNullable()
      table.string('description', 255).nullable()
      table.string('discount_type', 10).notNullable()
      /** Whole percent (1–99) for `percent`. */
      table.integer('percent_off').nullable()
      /** Cents for `fixed`. */
      table.integer('amount_off_cents').nullable()
      table.integer('max_uses').nullable()
      table.integer('max_uses_per_buyer').nullable()
      table.integer('min_order_cents').nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.boolean('is_active').notNullable().defaultTo(true)
      table.integer('uses_count').notNullable().defaultTo(0)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'id'])
      table.unique(['workspace_id', 'code'])
    })
    this.schema.raw(`ALTER TABLE coupons
      ADD CONSTRAINT coupons_type_check CHECK (
        (discount_type = 'percent' AND percent_off BETWEEN 1 AND 99 AND amount_off_cents IS NULL)
        OR (discount_type = 'fixed' AND amount_off_cents > 0 AND percent_off IS NULL)),
      ADD CONSTRAINT coupons_code_check CHECK (code = upper(code) AND code ~ '^[A-Z0-9_-]{3,40}$'),
      ADD CONSTRAINT coupons_limits_check CHECK (
        (max_uses IS NULL OR max_uses > 0)
        AND (max_uses_per_buyer IS NULL OR max_uses_per_buyer > 0)
        AND (min_order_cents IS NULL OR min_order_cents > 0)),
      ADD CONSTRAINT coupons_uses_check CHECK (uses_count >= 0)`)

    this.schema.createTable('coupon_funnels', (table) => {
      table.integer('workspace_id').notNullable()
      table.integer('coupon_id').notNullable()
      table.integer('funnel_id').notNullable()
      table.primary(['coupon_id', 'funnel_id'])
      table
        .foreign(['workspace_id', 'coupon_id'])
        .references(['workspace_id', 'id'])
        .inTable('coupons')
        .onDelete('CASCADE')
      table
        .foreign(['workspace_id', 'funnel_id'])
        .references(['workspace_id', 'id'])
        .inTable('funnels')
        .onDelete('CASCADE')
      table.index(['workspace_id', 'funnel_id'])
    })

    this.schema.createTable('coupon_redemptions', (table) => {
      table.bigIncrements('id')
      table.integer('workspace_id').notNullable()
      table.integer('coupon_id').notNullable()
      table.integer('payment_id').notNullable()
      table.string('email', 255).nullable()
      table.string('cpf', 11).nullable()
      table.integer('discount_cents').notNullable()
      table.timestamp('released_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'payment_id'])
      table
        .foreign(['workspace_id', 'coupon_id'])
        .references(['workspace_id', 'id'])
        .inTable('coupons')
        .onDelete('RESTRICT')
      table
        .foreign(['workspace_id', 'payment_id'])
        .references(['workspace_id', 'id'])
        .inTable('payments')
        .onDelete('CASCADE')
    })
    /** The per-buyer limit reads live redemptions of a coupon by e-mail or by CPF. */
    this.schema.raw(
      `CREATE INDEX coupon_redemptions_email_idx ON coupon_redemptions (workspace_id, coupon_id, lower(email)) WHERE released_at IS NULL`
    )
    this.schema.raw(
      `CREATE INDEX coupon_redemptions_cpf_idx ON coupon_redemptions (workspace_id, coupon_id, cpf) WHERE released_at IS NULL`
    )

    this.schema.alterTable('payments', (table) => {
      /** Items total before the discount (null on payments from before coupons: = amount). */
      table.integer('subtotal_cents').nullable()
      table.integer('discount_cents').notNullable().defaultTo(0)
      table.integer('coupon_id').nullable()
      table.string('coupon_code', 40).nullable()
    })
    this.schema.raw(`ALTER TABLE payments
      ADD CONSTRAINT payments_coupon_fk FOREIGN KEY (workspace_id, coupon_id)
        REFERENCES coupons (workspace_id, id) ON DELETE RESTRICT,
      ADD CONSTRAINT payments_discount_check CHECK (
        discount_cents >= 0 AND (subtotal_cents IS NULL OR subtotal_cents = amount_cents + discount_cents))`)
  }

  async down() {
    this.schema.raw(`ALTER TABLE payments
      DROP CONSTRAINT IF EXISTS payments_coupon_fk,
      DROP CONSTRAINT IF EXISTS payments_discount_check`)
    this.schema.alterTable('payments', (table) => {
      table.dropColumn('subtotal_cents')
      table.dropColumn('discount_cents')
      table.dropColumn('coupon_id')
      table.dropColumn('coupon_code')
    })
    this.schema.dropTable('coupon_redemptions')
    this.schema.dropTable('coupon_funnels')
    this.schema.dropTable('coupons')
  }
}
