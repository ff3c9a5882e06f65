import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * A/B split tests of a step (issue 16 item 1).
 *
 * `split_tests`: one test of one step; at most one runs per step (partial unique index). When a
 * winner is declared the test is `finished` and keeps its variants and results as history.
 *
 * `split_test_variants`: the arms. The control shows the step itself (its content and checkout
 * config stay the source, `content`/`checkout_config` null); every other variant holds its own
 * copy of the content and, for a checkout, of the checkout configuration. `weight` is a share
 * of the traffic relative to the other active variants.
 *
 * `visitor_events.split_variant_id` and `payments.split_variant_id` record which variant a page
 * view and a payment came from; the results read them through partial indexes.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('split_tests', (table) => {
      table.increments('id')
      table.integer('workspace_id').notNullable()
      table.integer('funnel_id').notNullable()
      table.integer('step_id').notNullable()
      table.string('name', 255).notNullable()
      table.string('status', 16).notNullable().defaultTo('running')
      table.integer('winner_variant_id').nullable()
      table.timestamp('started_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('finished_at', { useTz: true }).nullable()
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.foreign(['workspace_id']).references(['id']).inTable('workspaces').onDelete('CASCADE')
      table
        .foreign(['workspace_id', 'funnel_id', 'step_id'])
        .references(['workspace_id', 'funnel_id', 'id'])
        .inTable('funnel_steps')
        .onDelete('CASCADE')
      table.unique(['workspace_id', 'id'])
      table.index(['workspace_id', 'funnel_id', 'status'])
    })
    this.schema.raw(
      `ALTER TABLE split_tests ADD CONSTRAINT split_tests_status_check CHECK (status IN ('running','finished'))`
    )
    /** One running test per step: the public page must know which one assigns its visitors. */
    this.schema.raw(
      `CREATE UNIQUE INDEX split_tests_one_running_idx ON split_tests (workspace_id, step_id) WHERE status = 'running'`
    )

    this.schema.createTable('split_test_variants', (table) => {
      table.increments('id')
      table.integer('workspace_id').notNullable()
      table.integer('split_test_id').notNullable()
      table.string('name', 100).notNullable()
      table.integer('weight').notNullable().defaultTo(50)
      table.boolean('is_control').notNullable().defaultTo(false)
      table.string('status', 16).notNullable().defaultTo('active')
      /** The variant's own copy of the step content (null for the control: the step itself). */
      table.jsonb('content').nullable()
      /** The variant's own copy of the checkout configuration (checkout steps; null otherwise). */
      table.jsonb('checkout_config').nullable()
      /** Bumped on every change: public pages are cached per variant version. */
      table.integer('version').notNullable().defaultTo(1)
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(this.now())
      table
        .foreign(['workspace_id', 'split_test_id'])
        .references(['workspace_id', 'id'])
        .inTable('split_tests')
        .onDelete('CASCADE')
      table.unique(['workspace_id', 'id'])
      table.index(['workspace_id', 'split_test_id'])
    })
    this.schema.raw(`ALTER TABLE split_test_variants
      ADD CONSTRAINT split_test_variants_status_check CHECK (status IN ('active','archived','winner')),
      ADD CONSTRAINT split_test_variants_weight_check CHECK (weight BETWEEN 0 AND 100)`)
    this.schema.raw(
      `CREATE UNIQUE INDEX split_test_variants_one_control_idx ON split_test_variants (workspace_id, split_test_id) WHERE is_control`
    )
    this.schema.raw(`ALTER TABLE split_tests
      ADD CONSTRAINT split_tests_winner_fk FOREIGN KEY (workspace_id, winner_variant_id)
        REFERENCES split_test_variants (workspace_id, id) ON DELETE SET NULL (winner_variant_id)`)

    this.schema.raw(`ALTER TABLE visitor_events ADD COLUMN split_variant_id integer NULL`)
    this.schema.raw(`ALTER TABLE visitor_events
      ADD CONSTRAINT visitor_events_split_variant_fk FOREIGN KEY (workspace_id, split_variant_id)
        REFERENCES split_test_variants (workspace_id, id) ON DELETE SET NULL (split_variant_id)`)
    this.schema.raw(
      `CREATE INDEX visitor_events_split_variant_idx ON visitor_events (workspace_id, split_variant_id, visitor_id, created_at) WHERE split_variant_id IS NOT NULL`
    )

    this.schema.raw(`ALTER TABLE payments ADD COLUMN split_variant_id integer NULL`)
    this.schema.raw(`ALTER TABLE payments
      ADD CONSTRAINT payments_split_variant_fk FOREIGN KEY (workspace_id, split_variant_id)
        REFERENCES split_test_variants (workspace_id, id) ON DELETE SET NULL (split_variant_id)`)
    this.schema.raw(
      `CREATE INDEX payments_split_variant_idx ON payments (workspace_id, split_variant_id) WHERE split_variant_id IS NOT NULL`
    )
  }

  async down() {
    this.schema.raw(`ALTER TABLE payments DROP COLUMN IF EXISTS split_variant_id`)
    this.schema.raw(`ALTER TABLE visitor_events DROP COLUMN IF EXISTS split_variant_id`)
    this.schema.raw(`ALTER TABLE split_tests DROP CONSTRAINT IF EXISTS split_tests_winner_fk`)
    this.schema.dropTable('split_test_variants')
    this.schema.dropTable('split_tests')
  }
}
