import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * LGPD consent records and checkout sessions (issue 14).
 *
 * `consents`: what a buyer agreed to and when — the terms/privacy links and the seller's name
 * and CNPJ shown on the capture or checkout form at submission — per visitor session.
 *
 * `checkout_sessions`: what a buyer typed on a checkout (saved on blur), one per (workspace,
 * step, visitor session). Unpaid after the workspace's delay it becomes `abandoned`; a later
 * paid PIX of the same session (or of its recovery link) makes it `recovered`.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('consents', (table) => {
      table.bigIncrements('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.string('session_id', 64).nullable()
      table
        .integer('step_id')
        .nullable()
        .references('id')
        .inTable('funnel_steps')
        .onDelete('SET NULL')
      table.string('context', 16).notNullable()
      table.string('email', 255).nullable()
      table.jsonb('terms').notNullable()
      table.string('ip_address', 64).nullable()
      table.timestamp('consented_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['workspace_id', 'session_id'])
    })
    this.schema.raw(
      `ALTER TABLE consents ADD CONSTRAINT consents_context_check CHECK (context IN ('capture','checkout'))`
    )

    this.schema.createTable('checkout_sessions', (table) => {
      table.bigIncrements('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table.integer('funnel_id').nullable().references('id').inTable('funnels').onDelete('SET NULL')
      table
        .integer('step_id')
        .notNullable()
        .references('id')
        .inTable('funnel_steps')
        .onDelete('CASCADE')
      table.string('session_id', 64).notNullable()
      table.string('token', 32).notNullable().unique()
      table.string('name', 255).nullable()
      table.string('email', 255).nullable()
      table.string('phone', 32).nullable()
      table.jsonb('bumps').notNullable().defaultTo('[]')
      table.jsonb('consent').nullable()
      table.timestamp('consented_at', { useTz: true }).nullable()
      table.string('status', 16).notNullable().defaultTo('open')
      table.bigInteger('payment_id').nullable()
      table.string('payment_status', 16).nullable()
      table.integer('amount_cents').nullable()
      table.timestamp('abandoned_at', { useTz: true }).nullable()
      table.timestamp('recovered_at', { useTz: true }).nullable()
      table.integer('recovered_cents').nullable()
      table.timestamp('last_activity_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'step_id', 'session_id'])
      table.index(['workspace_id', 'status', 'last_activity_at'])
    })
    this.schema.raw(
      `ALTER TABLE checkout_sessions ADD CONSTRAINT checkout_sessions_status_check CHECK (status IN ('open','abandoned','pix_expired','paid','recovered'))`
    )
  }

  async down() {
    this.schema.dropTable('checkout_sessions')
    this.schema.dropTable('consents')
  }
}
