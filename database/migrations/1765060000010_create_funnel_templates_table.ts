import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An agency's own funnel templates ("Salvar como modelo", issue 18 item 2): a funnel's steps,
 * pages, contents and checkout configurations as a snapshot (app/types/funnel_snapshot.ts),
 * shared by every workspace of the agency. Agency-owned, not workspace-owned: no workspace_id,
 * every query starts from the agency of the current workspace. Payments, visitors, pixels and
 * credentials never go into a snapshot.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('funnel_templates', (table) => {
      table.increments('id')
      table
        .integer('agency_id')
        .notNullable()
        .references('id')
        .inTable('agencies')
        .onDelete('CASCADE')
      table.string('name', 255).notNullable()
      table.text('description').nullable()
      table.jsonb('snapshot').notNullable()
      table.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['agency_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('funnel_templates')
  }
}
