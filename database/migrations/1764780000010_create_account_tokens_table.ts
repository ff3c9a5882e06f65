import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Single-use links sent by e-mail (sign-up verification, password reset, e-mail change): only
 * the SHA-256 of the token is stored, so a database leak does not hand out working links.
 * `users.email_verified_at` records when the address was proven; accounts that existed before
 * sign-up, or were created by operators and invitations, count as verified.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.alterTable('users', (table) => {
      /** Defaults to now: only self sign-up (which sets NULL) has an address left to prove. */
      table.timestamp('email_verified_at', { useTz: true }).nullable().defaultTo(this.now())
    })

    this.schema.createTable('account_tokens', (table) => {
      table.increments('id')
      table.integer('user_id').notNullable().references('id').inTable('users').onDelete('CASCADE')
      table.string('purpose', 30).notNullable()
      table.string('token_hash', 64).notNullable().unique()
      /** The address the link proves: the sign-up e-mail, or the new one of an e-mail change. */
      table.string('email', 255).nullable()
      table.timestamp('expires_at', { useTz: true }).notNullable()
      table.timestamp('used_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.index(['user_id', 'purpose'])
    })
    this.schema.raw(
      `ALTER TABLE account_tokens ADD CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('email_verification','password_reset','email_change'))`
    )
  }

  async down() {
    this.schema.dropTable('account_tokens')
    this.schema.alterTable('users', (table) => {
      table.dropColumn('email_verified_at')
    })
  }
}
