import { BaseSchema } from '@adonisjs/lucid/schema'

/** An agency's owners may require two-step verification of everyone who opens its workspaces. */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('agencies', (table) => {
      table.boolean('require_two_factor').notNullable().defaultTo(false)
    })
  }

  async down() {
    this.schema.alterTable('agencies', (table) => {
      table.dropColumn('require_two_factor')
    })
  }
}
