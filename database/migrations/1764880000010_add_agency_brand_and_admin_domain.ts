import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * White-label per agency: its brand (product name, logo, favicon, primary colour) and its own
 * admin domain (`painel.agencia.com.br`), proven by the same DNS TXT record as a workspace's
 * custom domain before it serves the admin. Only verified admin domains are unique
 * (case-insensitive): a pending claim blocks nobody, as with custom domains.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('agencies', (table) => {
      table.jsonb('brand').notNullable().defaultTo('{}')
      table.string('admin_domain', 255).nullable()
      table.string('admin_domain_token', 64).nullable()
      table.timestamp('admin_domain_verified_at', { useTz: true }).nullable()
    })
    this.schema.raw(`CREATE UNIQUE INDEX agencies_verified_admin_domain_unique
      ON agencies (lower(admin_domain)) WHERE admin_domain_verified_at IS NOT NULL`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS agencies_verified_admin_domain_unique')
    this.schema.alterTable('agencies', (table) => {
      table.dropColumn('brand')
      table.dropColumn('admin_domain')
      table.dropColumn('admin_domain_token')
      table.dropColumn('admin_domain_verified_at')
    })
  }
}
