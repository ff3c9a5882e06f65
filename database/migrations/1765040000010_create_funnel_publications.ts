import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Draft and publish (issue 18 item 4).
 *
 * Editing a funnel edits its draft (the `funnel_steps` and `checkout_configs` rows); "Publicar"
 * copies that draft into an immutable `funnel_publications` row, and the public site — the pages,
 * the checkout's price, the upsell's price — reads the funnel's published row only. The snapshot
 * is the rows themselves (`to_jsonb` of each step and checkout configuration, timestamps left
 * out), so a column added to the steps later (the block page) travels in it without a change
 * here, and the public side hydrates models from it with Lucid's own column mapping.
 *
 * `funnels.published_publication_id` names the live version; null is a draft never published
 * (404 on the public host). Every funnel that exists when this runs is published as version 1
 * of its current content, whatever its status, so nothing that was online goes offline and an
 * inactive funnel switched back on shows what it showed before.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.createTable('funnel_publications', (table) => {
      table.increments('id')
      table.integer('workspace_id').notNullable()
      table.integer('funnel_id').notNullable()
      /** 1, 2, 3… per funnel. */
      table.integer('version').notNullable()
      table.jsonb('snapshot').notNullable()
      table
        .integer('published_by')
        .nullable()
        .references('id')
        .inTable('users')
        .onDelete('SET NULL')
      table.timestamp('created_at', { useTz: true }).notNullable().defaultTo(this.now())
      table.foreign(['workspace_id']).references(['id']).inTable('workspaces').onDelete('CASCADE')
      table
        .foreign(['workspace_id', 'funnel_id'])
        .references(['workspace_id', 'id'])
        .inTable('funnels')
        .onDelete('CASCADE')
      table.unique(['workspace_id', 'id'])
      table.unique(['workspace_id', 'funnel_id', 'version'])
    })

    this.schema.alterTable('funnels', (table) => {
      table.integer('published_publication_id').nullable()
      table.timestamp('published_at', { useTz: true }).nullable()
    })
    /**
     * Deferred: a funnel's delete cascades to its publications while the funnel row still names
     * one; the check at commit time sees both gone.
     */
    this.schema.raw(`ALTER TABLE funnels
      ADD CONSTRAINT funnels_published_publication_fk FOREIGN KEY (workspace_id, published_publication_id)
        REFERENCES funnel_publications (workspace_id, id) ON DELETE SET NULL (published_publication_id)
        DEFERRABLE INITIALLY DEFERRED`)

    this.defer(async (db) => {
      await db.rawQuery(`
        WITH published AS (
          INSERT INTO funnel_publications (workspace_id, funnel_id, version, snapshot, published_by, created_at)
          SELECT f.workspace_id, f.id, 1, jsonb_build_object(
                   'format', 1,
                   'steps', COALESCE((
                     SELECT jsonb_agg(to_jsonb(s) - 'created_at' - 'updated_at' ORDER BY s.order_index, s.id)
                       FROM funnel_steps s
                      WHERE s.workspace_id = f.workspace_id AND s.funnel_id = f.id), '[]'::jsonb),
                   'checkoutConfigs', COALESCE((
                     SELECT jsonb_agg(to_jsonb(c) - 'created_at' - 'updated_at' ORDER BY c.step_id)
                       FROM checkout_configs c
                      WHERE c.workspace_id = f.workspace_id AND c.funnel_id = f.id), '[]'::jsonb)),
                 f.created_by, now()
            FROM funnels f
          RETURNING workspace_id, funnel_id, id
        )
        UPDATE funnels f
           SET published_publication_id = p.id, published_at = now()
          FROM published p
         WHERE f.workspace_id = p.workspace_id AND f.id = p.funnel_id`)
    })
  }

  async down() {
    this.schema.raw(
      `ALTER TABLE funnels DROP CONSTRAINT IF EXISTS funnels_published_publication_fk`
    )
    this.schema.alterTable('funnels', (table) => {
      table.dropColumn('published_publication_id')
      table.dropColumn('published_at')
    })
    this.schema.dropTable('funnel_publications')
  }
}
