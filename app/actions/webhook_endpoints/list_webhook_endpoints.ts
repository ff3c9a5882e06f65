import type Workspace from '#models/workspace'
import { pageParams } from '#services/pagination'

/**
 * The workspace's deliveries to its own endpoints counted per endpoint and status, in one
 * derived table joined to the endpoints: the list costs the same queries for 1 or 100 rows.
 */
const DELIVERY_COUNTS = `LEFT JOIN (
    SELECT webhook_endpoint_id,
      COUNT(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
      COUNT(*) FILTER (WHERE status = 'failed')::int AS failed,
      COUNT(*) FILTER (WHERE status = 'dead')::int AS dead
    FROM postback_deliveries
    WHERE workspace_id = ? AND webhook_endpoint_id IS NOT NULL
    GROUP BY webhook_endpoint_id
  ) AS delivery_counts ON delivery_counts.webhook_endpoint_id = webhook_endpoints.id`

/**
 * The workspace's endpoints, each with its delivery counts in `$extras`
 * (`succeeded_count`, `failed_count`, `dead_count`, read by the transformer).
 */
export function webhookEndpointsWithCounts(workspace: Workspace) {
  return workspace
    .related('webhookEndpoints')
    .query()
    .select('webhook_endpoints.*')
    .joinRaw(DELIVERY_COUNTS, [workspace.id])
    .select(
      'delivery_counts.succeeded as succeeded_count',
      'delivery_counts.failed as failed_count',
      'delivery_counts.dead as dead_count'
    )
}

/** One page of the workspace's endpoints, oldest first, with their delivery counts. */
export default class ListWebhookEndpoints {
  static async handle({
    workspace,
    page,
    perPage,
  }: {
    workspace: Workspace
    page?: number
    perPage?: number
  }) {
    const params = pageParams({ page, perPage })
    return webhookEndpointsWithCounts(workspace)
      .orderBy('webhook_endpoints.id', 'asc')
      .paginate(params.page, params.perPage)
  }
}
