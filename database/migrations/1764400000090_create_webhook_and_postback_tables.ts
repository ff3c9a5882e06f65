import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Inbox of gateway deliveries (stored raw, once) and outbox of everything we send out:
 * UTMify, ad-platform conversions and the agency's own webhook endpoints.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('webhook_events', (table) => {
      table.bigIncrements('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.string('gateway', 20).notNullable()
      /** Identifies one fact (transaction + status): a redelivery collapses onto the same row. */
      table.string('event_key', 255).notNullable()
      table.string('external_id', 255).nullable()
      table.integer('payment_id').nullable()
      table.text('raw_body').notNullable()
      table.jsonb('headers').notNullable().defaultTo('{}')
      table.integer('attempts').notNullable().defaultTo(0)
      table.text('error').nullable()
      table.timestamp('received_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('processed_at', { useTz: true }).nullable()
      table.unique(['workspace_id', 'gateway', 'event_key'])
      table.unique(['workspace_id', 'id'])
      table.index(['workspace_id', 'payment_id'])
      table.index(['workspace_id', 'received_at'])
    })
    this.schema.raw(`ALTER TABLE webhook_events
      ADD CONSTRAINT webhook_events_payment_fk FOREIGN KEY (workspace_id, payment_id)
        REFERENCES payments (workspace_id, id) ON DELETE SET NULL (payment_id)`)

    this.schema.createTable('webhook_endpoints', (table) => {
      table.increments('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.string('name', 255).notNullable()
      table.string('url', 1000).notNullable()
      /** HMAC-SHA256 signing secret, encrypted with the app key. */
      table.text('secret').notNullable()
      table.jsonb('events').notNullable().defaultTo('[]')
      table.boolean('is_active').notNullable().defaultTo(true)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'id'])
    })

    this.schema.createTable('postback_deliveries', (table) => {
      table.bigIncrements('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      /** utmify | meta | tiktok | ga4 | custom */
      table.string('target', 20).notNullable()
      table.string('event', 100).notNullable()
      table.integer('payment_id').nullable()
      table.integer('visitor_id').nullable()
      table.integer('webhook_endpoint_id').nullable()
      /** One fact per destination: (payment, target, status) is sent once even under duplicate jobs. */
      table.string('dedupe_key', 255).notNullable()
      /** pending | succeeded | failed | dead */
      table.string('status', 20).notNullable().defaultTo('pending')
      table.jsonb('request').notNullable().defaultTo('{}')
      table.integer('response_status').nullable()
      table.text('response_excerpt').nullable()
      table.integer('duration_ms').nullable()
      table.integer('attempts').notNullable().defaultTo(0)
      table.timestamp('next_attempt_at', { useTz: true }).nullable()
      table.text('last_error').nullable()
      table.timestamp('delivered_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'dedupe_key'])
      table.index(['workspace_id', 'status', 'created_at'])
      table.index(['workspace_id', 'payment_id'])
    })
    this.schema.raw(`ALTER TABLE postback_deliveries
      ADD CONSTRAINT postback_deliveries_status_check CHECK (status IN ('pending','succeeded','failed','dead')),
      ADD CONSTRAINT postback_deliveries_target_check CHECK (target IN ('utmify','meta','tiktok','ga4','custom')),
      ADD CONSTRAINT postback_deliveries_payment_fk FOREIGN KEY (workspace_id, payment_id)
        REFERENCES payments (workspace_id, id) ON DELETE SET NULL (payment_id),
      ADD CONSTRAINT postback_deliveries_visitor_fk FOREIGN KEY (workspace_id, visitor_id)
        REFERENCES visitors (workspace_id, id) ON DELETE SET NULL (visitor_id),
      ADD CONSTRAINT postback_deliveries_endpoint_fk FOREIGN KEY (workspace_id, webhook_endpoint_id)
        REFERENCES webhook_endpoints (workspace_id, id) ON DELETE SET NULL (webhook_endpoint_id)`)
  }

  async down() {
    this.schema.dropTable('postback_deliveries')
    this.schema.dropTable('webhook_endpoints')
    this.schema.dropTable('webhook_events')
  }
}
