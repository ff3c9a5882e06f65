import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Indexes for the deliveries list ("Entregas"), which filters a workspace's deliveries by
 * destination, event, webhook endpoint and period and shows them newest first. The existing
 * (workspace_id, status, created_at) and (workspace_id, payment_id) indexes serve the status and
 * payment filters only; without a status the list would sort the whole workspace.
 * - (workspace_id, created_at, id): the unfiltered list and the period, in list order;
 * - (workspace_id, target, created_at) and (workspace_id, event, created_at): one destination,
 *   one event, newest first (the event one also lists the events for the filter);
 * - (workspace_id, webhook_endpoint_id), partial: one endpoint's deliveries, and the
 *   `ON DELETE SET NULL` of the endpoint foreign key without a scan.
 */
export default class extends BaseSchema {
  protected tableName = 'postback_deliveries'

  async up() {
    this.schema.alterTable(this.tableName, (table) => {
      table.index(['workspace_id', 'created_at', 'id'], 'postback_deliveries_workspace_created_idx')
      table.index(['workspace_id', 'target', 'created_at'], 'postback_deliveries_target_idx')
      table.index(['workspace_id', 'event', 'created_at'], 'postback_deliveries_event_idx')
    })
    this.schema.raw(`CREATE INDEX postback_deliveries_endpoint_idx
      ON postback_deliveries (workspace_id, webhook_endpoint_id)
      WHERE webhook_endpoint_id IS NOT NULL`)
  }

  async down() {
    this.schema.raw('DROP INDEX IF EXISTS postback_deliveries_endpoint_idx')
    this.schema.alterTable(this.tableName, (table) => {
      table.dropIndex([], 'postback_deliveries_event_idx')
      table.dropIndex([], 'postback_deliveries_target_idx')
      table.dropIndex([], 'postback_deliveries_workspace_created_idx')
    })
  }
}
