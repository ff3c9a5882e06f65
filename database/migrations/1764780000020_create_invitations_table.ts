import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Invitations to an agency (all its workspaces: `workspace_ids` NULL) or to some of its
 * workspaces (a client login or a restricted member), with the role they grant. The e-mailed
 * link's token is stored as its SHA-256 only; an invitation is used once, expires, or is revoked.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('invitations', (table) => {
      table.increments('id')
      table
        .integer('agency_id')
        .notNullable()
        .references('id')
        .inTable('agencies')
        .onDelete('CASCADE')
      table.string('email', 255).notNullable()
      table.string('role', 20).notNullable()
      table.jsonb('workspace_ids').nullable()
      table.string('token_hash', 64).notNullable().unique()
      table.integer('invited_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('accepted_at', { useTz: true }).nullable()
      table.timestamp('revoked_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['agency_id', 'accepted_at'])
    })
    this.schema.raw(
      `ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('owner','admin','editor','viewer'))`
    )
  }

  async down() {
    this.schema.dropTable('invitations')
  }
}
