import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Who did what, when and from where: every successful change made in a workspace (admin or
 * API: funnels, steps, checkout, pixels, credentials, webhooks, team…), and logins. Kept one
 * year (RecordAudit purges older rows).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('audit_events', (table) => {
      table.bigIncrements('id')
      table
        .integer('agency_id')
        .notNullable()
        .references('id')
        .inTable('agencies')
        .onDelete('CASCADE')
      table
        .integer('workspace_id')
        .nullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.integer('user_id').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.string('action', 120).notNullable()
      table.string('method', 10).nullable()
      table.string('path', 500).nullable()
      table.string('subject_id', 64).nullable()
      table.string('ip', 64).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['workspace_id', 'created_at'])
      table.index(['agency_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('audit_events')
  }
}
