import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A workspace's plan decides how long its raw visitor events are kept (event_retention.ts);
 * the daily rollups the dashboard reads for closed days are kept for good. Existing workspaces
 * get `pro` (a year), the default for new ones.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('workspaces', (table) => {
      table.string('plan', 20).notNullable().defaultTo('pro')
    })
    this.schema.raw(
      `ALTER TABLE workspaces ADD CONSTRAINT workspaces_plan_check CHECK (plan IN ('essencial', 'pro', 'agencia'))`
    )
  }

  async down() {
    this.schema.alterTable('workspaces', (table) => {
      table.dropColumn('plan')
    })
  }
}
