import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Daily rollups of visitor events for the dashboard, one row per workspace, local day (the
 * workspace's time zone), funnel, step and first-touch utm_source / utm_campaign. `step_id = 0`
 * rows count distinct visitors over the whole funnel that day (steps cannot be summed).
 * Rebuilt by the `rollup_analytics` job for closed days; today is read from raw events.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('analytics_daily', (table) => {
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.date('day').notNullable()
      table.integer('funnel_id').notNullable().defaultTo(0)
      table.integer('step_id').notNullable().defaultTo(0)
      table.string('utm_source', 255).notNullable().defaultTo('')
      table.string('utm_campaign', 255).notNullable().defaultTo('')
      table.integer('visitors').notNullable().defaultTo(0)
      table.integer('leads').notNullable().defaultTo(0)
      table.integer('checkout_views').notNullable().defaultTo(0)
      table.primary(['workspace_id', 'day', 'funnel_id', 'step_id', 'utm_source', 'utm_campaign'])
    })
  }

  async down() {
    this.schema.dropTable('analytics_daily')
  }
}
