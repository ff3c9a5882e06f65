import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * The e-mails sent to a buyer about a payment (PIX generated, payment approved, PIX expired):
 * one row per fact, unique on (workspace, payment, kind) like the postbacks' dedupe keys, so
 * duplicate or retried jobs never send a second message. `sent_at` is set in the transaction
 * that holds the row's lock during the SMTP send.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('buyer_emails', (table) => {
      table.bigIncrements('id')
      table
        .integer('workspace_id')
        .notNullable()
        .references('id')
        .inTable('workspaces')
        .onDelete('CASCADE')
      table
        .integer('payment_id')
        .notNullable()
        .references('id')
        .inTable('payments')
        .onDelete('CASCADE')
      table.string('kind', 32).notNullable()
      table.string('to_email', 255).notNullable()
      table.string('status', 16).notNullable().defaultTo('pending')
      table.integer('attempts').notNullable().defaultTo(0)
      table.text('last_error').nullable()
      table.string('subject', 255).nullable()
      table.string('message_id', 255).nullable()
      table.timestamp('sent_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.unique(['workspace_id', 'payment_id', 'kind'])
    })
    this.schema.raw(
      `ALTER TABLE buyer_emails ADD CONSTRAINT buyer_emails_kind_check CHECK (kind IN ('pix_generated','payment_approved','pix_expired','checkout_recovery'))`
    )
    this.schema.raw(
      `ALTER TABLE buyer_emails ADD CONSTRAINT buyer_emails_status_check CHECK (status IN ('pending','sent','failed'))`
    )
  }

  async down() {
    this.schema.dropTable('buyer_emails')
  }
}
