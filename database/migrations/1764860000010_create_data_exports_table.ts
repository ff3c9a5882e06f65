import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * CSV exports too large to stream inside a request (issue 16): a BullMQ job writes the file and
 * keeps `processed_rows` up to date for the progress bar; the file is downloadable by the user
 * who asked for it, in its workspace, until `expires_at`. `full_cpf` freezes what the asker's
 * role could see when the export was made (owners and admins see whole CPFs).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('data_exports', (table) => {
      table.bigIncrements('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.integer('user_id').nullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('kind', 20).notNullable()
      table.jsonb('filters').notNullable().defaultTo('{}')
      table.boolean('full_cpf').notNullable().defaultTo(false)
      table.string('status', 16).notNullable().defaultTo('queued')
      table.integer('total_rows').nullable()
      table.integer('processed_rows').notNullable().defaultTo(0)
      /** Random file name under the exports directory; never derived from ids. */
      table.string('file_name', 80).nullable()
      table.bigInteger('file_bytes').nullable()
      table.text('error').nullable()
      table.timestamp('finished_at', { useTz: true }).nullable()
      table.timestamp('expires_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['workspace_id', 'created_at'])
    })
    this.schema.raw(
      `ALTER TABLE data_exports ADD CONSTRAINT data_exports_kind_check CHECK (kind IN ('payments','leads','visitors','deliveries'))`
    )
    this.schema.raw(
      `ALTER TABLE data_exports ADD CONSTRAINT data_exports_status_check CHECK (status IN ('queued','running','done','failed'))`
    )
  }

  async down() {
    this.schema.dropTable('data_exports')
  }
}
