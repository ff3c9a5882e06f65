import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * An agency's uploaded logo and favicon (white-label), kept in the database beside the agency so
 * every web instance serves them without shared disk: small images (at most 256 KB), one per
 * kind, served at a versioned URL.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('agency_brand_assets', (table) => {
      table.increments('id')
      table
        .integer('agency_id')
        .notNullable()
        .references('id')
        .inTable('agencies')
        .onDelete('CASCADE')
      table.string('kind', 10).notNullable()
      table.string('content_type', 40).notNullable()
      table.binary('bytes').notNullable()
      table.string('sha256', 64).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['agency_id', 'kind'])
    })
    this.schema.raw(
      `ALTER TABLE agency_brand_assets ADD CONSTRAINT agency_brand_assets_kind_check CHECK (kind IN ('logo','favicon'))`
    )
  }

  async down() {
    this.schema.dropTable('agency_brand_assets')
  }
}
