import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * `session_version` is part of what an admin session stores for its user (`{id}:{version}`):
 * bumping it (deactivation, a password change) ends every session of that user at once, on
 * every instance, without having to find the sessions in the store.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      table.integer('session_version').notNullable().defaultTo(0)
    })
  }

  async down() {
    this.schema.alterTable('users', (table) => {
      table.dropColumn('session_version')
    })
  }
}
