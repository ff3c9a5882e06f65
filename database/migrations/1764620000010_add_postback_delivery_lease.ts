import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A delivery is claimed with a lease instead of a row lock held across the HTTP call: a slow or
 * hanging destination then holds no database connection (12 hung deliveries used to exhaust
 * the pool and stall every other job). `lease_token` identifies the worker that holds the claim;
 * the claim expires by itself at `lease_expires_at`, so a worker killed mid-send leaves a row
 * that another job picks up once the lease is over.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('postback_deliveries', (table) => {
      table.uuid('lease_token').nullable()
      table.timestamp('lease_expires_at', { useTz: true }).nullable()
    })
  }

  async down() {
    this.schema.alterTable('postback_deliveries', (table) => {
      table.dropColumn('lease_token')
      table.dropColumn('lease_expires_at')
    })
  }
}
