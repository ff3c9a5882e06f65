import { BaseSchema } from '@adonisjs/lucid/schema'

/** Integration credentials of a workspace. `api_key` / `api_secret` are encrypted with the app key. */
export default class extends BaseSchema {
  protected tableName = 'credentials'

  async up() {
    this.schema.createTable(this.tableName, (table) => {
      table.increments('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.string('name', 255).notNullable()
      table.string('service', 100).notNullable()
      table.text('api_key').notNullable()
      table.text('api_secret').nullable()
      table.string('api_url', 500).nullable()
      /** Service-specific, non-secret options (pixel id, measurement id, test event code). */
      table.jsonb('settings').notNullable().defaultTo('{}')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.integer('created_by').nullable().references('id').inTable('users').onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['workspace_id', 'service', 'is_active'])
    })
    this.schema.raw(
      `ALTER TABLE credentials ADD CONSTRAINT credentials_service_check CHECK (service IN ('skalepay','utmify','dataget','meta_capi','tiktok_events','ga4'))`
    )
  }

  async down() {
    this.schema.dropTable(this.tableName)
  }
}
