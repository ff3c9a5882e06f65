import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A workspace is one client of an agency: its funnels, visitors and money. Its slug is the
 * public subdomain, so it is unique across the whole platform, not only inside the agency.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('workspaces', (table) => {
      table.increments('id')
      table
        .integer('agency_id')
        .notNullable()
        .references('id')
        .inTable('agencies')
        .onDelete('CASCADE')
      table.string('name', 255).notNullable()
      table.string('slug', 63).notNullable().unique()
      table.string('custom_domain', 255).nullable().unique()
      table.string('timezone', 64).notNullable().defaultTo('America/Sao_Paulo')
      table.jsonb('settings').notNullable().defaultTo('{}')
      /** Secret that gateway postbacks carry in their URL; verified before anything is trusted. */
      table.string('webhook_token', 64).notNullable().unique()
      table.timestamp('archived_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['agency_id', 'archived_at'])
    })
    this.schema.raw(
      `ALTER TABLE workspaces ADD CONSTRAINT workspaces_slug_format CHECK (slug ~ '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9]){0,1}$')`
    )

    /** Client logins and members restricted to some workspaces (not members of the agency). */
    this.schema.createTable('workspace_members', (table) => {
      table.increments('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('role', 20).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'user_id'])
      table.index(['user_id'])
    })
    this.schema.raw(
      `ALTER TABLE workspace_members ADD CONSTRAINT workspace_members_role_check CHECK (role IN ('admin','editor','viewer'))`
    )
  }

  async down() {
    this.schema.dropTable('workspace_members')
    this.schema.dropTable('workspaces')
  }
}
