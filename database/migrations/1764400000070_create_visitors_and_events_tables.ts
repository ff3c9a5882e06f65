import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Visitors (one per workspace and first-party session cookie) and their append-only events.
 * Foreign keys that may outlive their target use `SET NULL (column)` so that the composite key's
 * `workspace_id` is never nulled with it.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('visitors', (table) => {
      table.increments('id')
      table.integer('workspace_id').notNullable()
      /** Random id used in public URLs and the browser; the serial id never leaves the admin. */
      table.uuid('public_id').notNullable().defaultTo(this.raw('gen_random_uuid()')).unique()
      table.string('session_id', 255).notNullable()
      table.specificType('ip_address', 'inet').nullable()
      table.text('user_agent').nullable()
      table.integer('funnel_id').nullable()
      table.integer('current_step_id').nullable()
      table.string('utm_source', 255).nullable()
      table.string('utm_medium', 255).nullable()
      table.string('utm_campaign', 255).nullable()
      table.string('utm_term', 255).nullable()
      table.string('utm_content', 255).nullable()
      table.string('src', 255).nullable()
      table.string('sck', 255).nullable()
      table.string('fbclid', 500).nullable()
      table.string('ttclid', 500).nullable()
      table.string('gclid', 500).nullable()
      table.string('fbp', 255).nullable()
      table.string('fbc', 500).nullable()
      table.text('landing_url').nullable()
      table.text('referrer').nullable()
      /** What the visitor typed in a capture form (name, email, phone, CPF). */
      table.jsonb('lead').notNullable().defaultTo('{}')
      table.timestamp('first_visit', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('last_activity', { useTz: true }).notNullable().defaultTo(this.now())
      table.boolean('is_online').notNullable().defaultTo(true)
      table.unique(['workspace_id', 'session_id'])
      table.unique(['workspace_id', 'id'])
      table.index(['workspace_id', 'first_visit'])
      table.index(['workspace_id', 'funnel_id', 'first_visit'])
    })
    /** The offline sweep and the "online now" lists only touch online visitors. */
    this.schema.raw(
      `CREATE INDEX visitors_online_idx ON visitors (workspace_id, last_activity) WHERE is_online`
    )
    this.schema.raw(
      `CREATE INDEX visitors_online_sweep_idx ON visitors (last_activity) WHERE is_online`
    )
    this.schema.raw(`ALTER TABLE visitors
      ADD CONSTRAINT visitors_funnel_fk FOREIGN KEY (workspace_id, funnel_id)
        REFERENCES funnels (workspace_id, id) ON DELETE SET NULL (funnel_id),
      ADD CONSTRAINT visitors_step_fk FOREIGN KEY (workspace_id, current_step_id)
        REFERENCES funnel_steps (workspace_id, id) ON DELETE SET NULL (current_step_id),
      ADD CONSTRAINT visitors_workspace_fk FOREIGN KEY (workspace_id)
        REFERENCES workspaces (id) ON DELETE CASCADE`)

    this.schema.createTable('visitor_events', (table) => {
      table.bigIncrements('id')
      table.integer('workspace_id').notNullable()
      table.integer('visitor_id').notNullable()
      table.integer('funnel_id').nullable()
      table.integer('step_id').nullable()
      table.string('event_type', 50).notNullable()
      /** Client-generated id: shared with the browser pixel (dedup) and makes batch writes idempotent. */
      table.uuid('event_id').notNullable()
      table.jsonb('event_data').notNullable().defaultTo('{}')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'event_id'])
      table.index(['workspace_id', 'created_at'])
      table.index(['workspace_id', 'funnel_id', 'step_id', 'created_at'])
      table.index(['workspace_id', 'visitor_id', 'created_at'])
    })
    this.schema.raw(`ALTER TABLE visitor_events
      ADD CONSTRAINT visitor_events_visitor_fk FOREIGN KEY (workspace_id, visitor_id)
        REFERENCES visitors (workspace_id, id) ON DELETE CASCADE,
      ADD CONSTRAINT visitor_events_funnel_fk FOREIGN KEY (workspace_id, funnel_id)
        REFERENCES funnels (workspace_id, id) ON DELETE SET NULL (funnel_id),
      ADD CONSTRAINT visitor_events_step_fk FOREIGN KEY (workspace_id, step_id)
        REFERENCES funnel_steps (workspace_id, id) ON DELETE SET NULL (step_id)`)
  }

  async down() {
    this.schema.dropTable('visitor_events')
    this.schema.dropTable('visitors')
  }
}
