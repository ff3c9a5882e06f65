import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Custom domains proven before served: a workspace names a domain (pending), publishes a DNS TXT
 * record with its `custom_domain_token`, and only once that record is seen does
 * `custom_domain_verified_at` let the domain serve its funnels. Only verified domains are
 * unique (case-insensitive): a pending claim blocks nobody — otherwise anyone could squat a
 * brand's domain by typing it first — and a verified one cannot be claimed elsewhere. Domains
 * entered before verification existed start pending: they were never proven.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('workspaces', (table) => {
      table.timestamp('custom_domain_verified_at', { useTz: true }).nullable()
      table.string('custom_domain_token', 64).nullable()
      table.dropUnique(['custom_domain'])
    })
    this.schema.raw(`UPDATE workspaces SET custom_domain = lower(custom_domain),
      custom_domain_token = md5(random()::text || clock_timestamp()::text || id::text)
      WHERE custom_domain IS NOT NULL`)
    this.schema.raw(`CREATE UNIQUE INDEX workspaces_verified_custom_domain_unique
      ON workspaces (lower(custom_domain)) WHERE custom_domain_verified_at IS NOT NULL`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS workspaces_verified_custom_domain_unique')
    /** Back to one workspace per domain: the verified claim (else the oldest) keeps it. */
    this.schema.raw(`UPDATE workspaces SET custom_domain = NULL WHERE id IN (
      SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY lower(custom_domain)
        ORDER BY custom_domain_verified_at IS NULL, id) AS rank
        FROM workspaces WHERE custom_domain IS NOT NULL) ranked
      WHERE rank > 1)`)
    this.schema.alterTable('workspaces', (table) => {
      table.unique(['custom_domain'])
      table.dropColumn('custom_domain_verified_at')
      table.dropColumn('custom_domain_token')
    })
  }
}
