import type { HttpContext } from '@adonisjs/core/http'
import { EventBuffer, type DeadEvent } from '#services/event_buffer'
import WorkspaceAccess from '#services/workspace_access'
import { DomainError } from '#exceptions/domain_error'

const PAGE_SIZE = 50
const STREAM_ID = /^\d{1,20}-\d{1,20}$/

/**
 * `/w/:workspaceSlug/rejected-events` ("Eventos rejeitados"): the workspace's entries of the
 * beacon flush's dead-letter stream, newest first, with PostgreSQL's error and the raw entry.
 *
 * Who sees them: the workspace's owners and admins (agency owners/admins, or a client's admin
 * login), only entries of this workspace. The raw entries hold visitors' IPs, URLs and lead
 * data, so editors, viewers and other workspaces never see them; entries whose workspace
 * cannot be read (not an event at all) belong to no workspace and only count on /health/ready.
 */
export default class RejectedEventsController {
  async index({ inertia, request, workspace }: HttpContext) {
    if (!WorkspaceAccess.canManage(workspace)) {
      throw new DomainError(403, 'forbidden', 'auth.forbidden')
    }
    const before = request.qs().before
    const entries = await new EventBuffer().dead({
      count: PAGE_SIZE + 1,
      before: typeof before === 'string' && STREAM_ID.test(before) ? before : undefined,
      workspaceIds: [workspace.id],
    })
    const page = entries.slice(0, PAGE_SIZE)
    return inertia.render('rejected_events/index', {
      entries: page.map(present),
      nextBefore: entries.length > PAGE_SIZE ? page[page.length - 1].id : null,
    })
  }
}

/** What the page shows of a dead entry: the event's type and URL when readable, the raw JSON. */
function present(entry: DeadEvent) {
  let event: Record<string, unknown> | null = null
  try {
    event = JSON.parse(entry.raw)
  } catch {}
  return {
    id: entry.id,
    at: entry.at,
    error: entry.error,
    type: typeof event?.type === 'string' ? event.type : null,
    eventId: typeof event?.eventId === 'string' ? event.eventId : null,
    url: typeof event?.url === 'string' ? event.url.slice(0, 300) : null,
    raw: event ? JSON.stringify(event, null, 2).slice(0, 4000) : entry.raw.slice(0, 4000),
  }
}
