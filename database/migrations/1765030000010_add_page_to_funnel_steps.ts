import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A step's page as the block editor builds it (app/types/step_page.ts): sections of typed
 * blocks, validated by app/validators/step_page.ts. Nullable: a step without a page is drawn
 * from its `content` as before; 1765030000020 fills it for the steps that exist.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('funnel_steps', (table) => {
      table.jsonb('page').nullable()
    })
  }

  async down() {
    this.schema.alterTable('funnel_steps', (table) => {
      table.dropColumn('page')
    })
  }
}
