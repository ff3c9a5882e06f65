import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Funnels and their ordered steps. `(workspace_id, id)` is unique on both so that children can
 * use composite foreign keys: the database itself refuses a row pointing into another workspace.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('funnels', (table) => {
      table.increments('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.string('name', 255).notNullable()
      table.string('slug', 255).notNullable()
      table.text('description').nullable()
      table.string('niche', 100).nullable()
      table.boolean('is_active').notNullable().defaultTo(true)
      table.jsonb('settings').notNullable().defaultTo('{}')
      table.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('archived_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'slug'])
      table.unique(['workspace_id', 'id'])
    })

    this.schema.createTable('funnel_steps', (table) => {
      table.increments('id')
      table.integer('workspace_id').notNullable()
      table.integer('funnel_id').notNullable()
      table.string('name', 255).notNullable()
      table.string('slug', 255).notNullable()
      table.string('step_type', 50).notNullable()
      table.integer('order_index').notNullable()
      table.boolean('is_active').notNullable().defaultTo(true)
      table.jsonb('settings').notNullable().defaultTo('{}')
      table.jsonb('content').notNullable().defaultTo('{}')
      /** Bumped on every change; public pages are cached per step version. */
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table
        .foreign(['workspace_id', 'funnel_id'])
        .references(['workspace_id', 'id'])
        .inTable('funnels')
        .onDelete('CASCADE')
      table.unique(['workspace_id', 'funnel_id', 'slug'])
      table.unique(['workspace_id', 'id'])
      table.unique(['workspace_id', 'funnel_id', 'id'])
      /** Deferred so a reorder can swap positions inside one transaction. */
      table.unique(['funnel_id', 'order_index'], {
        indexName: 'funnel_steps_order_unique',
        deferrable: 'deferred',
      })
    })
    this.schema.raw(
      `ALTER TABLE funnel_steps ADD CONSTRAINT funnel_steps_type_check CHECK (step_type IN ('capture','vsl','checkout','upsell','thankyou'))`
    )
    this.schema.raw(
      `ALTER TABLE funnel_steps ADD CONSTRAINT funnel_steps_order_check CHECK (order_index >= 0)`
    )
  }

  async down() {
    this.schema.dropTable('funnel_steps')
    this.schema.dropTable('funnels')
  }
}
