import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Audit log of CPF lookups (LGPD): who asked (visitor session, IP), when, which CPF (masked,
 * plus a keyed hash to correlate without storing it) and what came back (found or not, never
 * the data itself).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('cpf_lookups', (table) => {
      table.bigIncrements('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.string('cpf_masked', 20).notNullable()
      table.string('cpf_hash', 64).notNullable()
      /** found | not_found | cached | error | timeout */
      table.string('outcome', 20).notNullable()
      table.string('session_id', 255).nullable()
      table.string('ip_address', 64).nullable()
      table.integer('duration_ms').nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['workspace_id', 'created_at'])
    })
  }

  async down() {
    this.schema.dropTable('cpf_lookups')
  }
}
