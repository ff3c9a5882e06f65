import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type Workspace from '#models/workspace'

export interface VisitorFilters {
  status?: 'online' | 'offline' | 'all'
  funnelId?: number
  stepId?: number
  from?: Date
  to?: Date
  page?: number
  perPage?: number
}

/**
 * The workspace's visitors (online by default) filtered by funnel, current step and period
 * (active since `from`, arrived before `to`), most recently active first, paginated. Each row
 * carries `stepEnteredAt` (its last page or checkout view, through the visitor/created_at index)
 * so pages can show the time on the current page. Shared by the API and the admin pages.
 */
export default class ListVisitors {
  static async handle({ workspace, filters }: { workspace: Workspace; filters: VisitorFilters }) {
    const status = filters.status ?? 'online'
    return workspace
      .related('visitors')
      .query()
      .select('visitors.*')
      .select(
        db.raw(
          `(SELECT max(e.created_at) FROM visitor_events e
            WHERE e.workspace_id = visitors.workspace_id AND e.visitor_id = visitors.id
              AND e.event_type IN ('page_view', 'checkout_view')) AS step_entered_at`
        )
      )
      .if(status !== 'all', (q) => q.where('is_online', status === 'online'))
      .if(filters.funnelId, (q) => q.where('funnel_id', filters.funnelId!))
      .if(filters.stepId, (q) => q.where('current_step_id', filters.stepId!))
      .if(filters.from, (q) =>
        q.where('last_activity', '>=', DateTime.fromJSDate(filters.from!).toSQL()!)
      )
      .if(filters.to, (q) =>
        q.where('first_visit', '<=', DateTime.fromJSDate(filters.to!).toSQL()!)
      )
      .orderBy('last_activity', 'desc')
      .orderBy('id', 'desc')
      .paginate(filters.page ?? 1, filters.perPage ?? 25)
  }
}
