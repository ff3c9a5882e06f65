import { BaseSchema } from '@adonisjs/lucid/schema'

/** The paying tenant (agency), the people who log in, and who belongs to which agency. */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('agencies', (table) => {
      table.increments('id')
      table.string('name', 255).notNullable()
      table.string('slug', 63).notNullable().unique()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })

    this.schema.createTable('users', (table) => {
      table.increments('id')
      table.string('email', 255).notNullable().unique()
      table.string('password', 255).notNullable()
      table.string('name', 255).notNullable()
      /** Platform role from the seed; agency and workspace roles live in the member tables. */
      table.string('role', 50).notNullable().defaultTo('admin')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.string('locale', 10).notNullable().defaultTo('pt-BR')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
    })
    this.schema.raw(`CREATE UNIQUE INDEX users_email_lower_unique ON users (lower(email))`)

    this.schema.createTable('agency_members', (table) => {
      table.increments('id')
      table
        .integer('agency_id')
        .notNullable()
        .references('id')
        .inTable('agencies')
        .onDelete('CASCADE')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('role', 20).notNullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['agency_id', 'user_id'])
      table.index(['user_id'])
    })
    this.schema.raw(
      `ALTER TABLE agency_members ADD CONSTRAINT agency_members_role_check CHECK (role IN ('owner','admin','editor','viewer'))`
    )
  }

  async down() {
    this.schema.dropTable('agency_members')
    this.schema.dropTable('users')
    this.schema.dropTable('agencies')
  }
}
