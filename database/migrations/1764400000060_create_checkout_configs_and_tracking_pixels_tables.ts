import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Checkout configuration of a checkout step, and the ad pixels of a funnel or one of its steps.
 * The step foreign key includes the funnel, so a config cannot point at another funnel's step.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('checkout_configs', (table) => {
      table.increments('id')
      table.integer('workspace_id').notNullable()
      table.integer('funnel_id').notNullable()
      table.integer('step_id').notNullable()
      table.string('product_name', 255).notNullable()
      table.integer('product_price_cents').notNullable()
      table.string('currency', 3).notNullable().defaultTo('BRL')
      table.jsonb('payment_methods').notNullable().defaultTo('["pix"]')
      table.jsonb('fields_config').notNullable().defaultTo('{}')
      table.jsonb('design_config').notNullable().defaultTo('{}')
      table.jsonb('upsell_config').notNullable().defaultTo('{}')
      table.jsonb('order_bumps').notNullable().defaultTo('[]')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table
        .foreign(['workspace_id', 'funnel_id'])
        .references(['workspace_id', 'id'])
        .inTable('funnels')
        .onDelete('CASCADE')
      table
        .foreign(['workspace_id', 'funnel_id', 'step_id'])
        .references(['workspace_id', 'funnel_id', 'id'])
        .inTable('funnel_steps')
        .onDelete('CASCADE')
      table.unique(['workspace_id', 'step_id'])
    })
    this.schema.raw(
      `ALTER TABLE checkout_configs ADD CONSTRAINT checkout_configs_price_check CHECK (product_price_cents >= 0)`
    )

    this.schema.createTable('tracking_pixels', (table) => {
      table.increments('id')
      table.integer('workspace_id').notNullable()
      table.integer('funnel_id').notNullable()
      table.integer('step_id').nullable()
      table.string('pixel_type', 50).notNullable()
      table.string('pixel_id', 255).notNullable()
      table.string('event_name', 100).nullable()
      /** Custom snippet (sanitised on save) and other type-specific options. */
      table.jsonb('settings').notNullable().defaultTo('{}')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table
        .foreign(['workspace_id', 'funnel_id'])
        .references(['workspace_id', 'id'])
        .inTable('funnels')
        .onDelete('CASCADE')
      table
        .foreign(['workspace_id', 'funnel_id', 'step_id'])
        .references(['workspace_id', 'funnel_id', 'id'])
        .inTable('funnel_steps')
        .onDelete('CASCADE')
      table.index(['workspace_id', 'funnel_id', 'is_active'])
    })
    this.schema.raw(
      `ALTER TABLE tracking_pixels ADD CONSTRAINT tracking_pixels_type_check CHECK (pixel_type IN ('facebook','google','tiktok','custom'))`
    )
  }

  async down() {
    this.schema.dropTable('tracking_pixels')
    this.schema.dropTable('checkout_configs')
  }
}
