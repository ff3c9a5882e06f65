import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import logger from '@adonisjs/core/services/logger'
import type User from '#models/user'

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE']
/** One insert in a hundred also purges rows older than a year (the audit is kept one year). */
const PURGE_CHANCE = 0.01

export interface AuditEntry {
  agencyId: number
  workspaceId?: number | null
  userId?: number | null
  action: string
  method?: string | null
  path?: string | null
  subjectId?: string | null
  ip?: string | null
}

/**
 * The audit log. Recording never fails the request it describes: an error is logged and the
 * answer goes out as it was.
 */
export default class RecordAudit {
  static async handle(entries: AuditEntry | AuditEntry[]) {
    const rows = (Array.isArray(entries) ? entries : [entries]).map((entry) => ({
      agency_id: entry.agencyId,
      workspace_id: entry.workspaceId ?? null,
      user_id: entry.userId ?? null,
      action: entry.action.slice(0, 120),
      method: entry.method ?? null,
      path: entry.path?.slice(0, 500) ?? null,
      subject_id: entry.subjectId?.slice(0, 64) ?? null,
      ip: entry.ip ?? null,
    }))
    if (!rows.length) return
    try {
      await db.table('audit_events').multiInsert(rows)
      if (Math.random() < PURGE_CHANCE) {
        await db
          .from('audit_events')
          .where('created_at', '<', db.raw(`now() - interval '1 year'`))
          .delete()
      }
    } catch (error) {
      logger.error({ err: error }, 'audit event not recorded')
    }
  }

  /**
   * After a request inside a workspace (admin or API): a successful write is recorded under its
   * route name (`funnels.update`, `api.pixels.store`…), with the id it touched and the IP.
   */
  static async fromRequest(ctx: HttpContext) {
    const method = ctx.request.method()
    const status = ctx.response.getStatus()
    if (!WRITE_METHODS.includes(method) || status >= 400 || !ctx.workspace) return
    const user = ctx.auth.user
    const routeName = ctx.route?.name ?? ctx.route?.pattern ?? ctx.request.url()
    await this.handle({
      agencyId: ctx.workspace.agencyId,
      workspaceId: ctx.workspace.id,
      userId: user?.id ?? null,
      action: routeName,
      method,
      path: ctx.request.url(),
      subjectId: ctx.params.id !== undefined ? String(ctx.params.id) : null,
      ip: ctx.request.ip(),
    })
  }

  /** A login, recorded in every agency the user can open (or only the token's workspace). */
  static async login(
    user: User,
    ip: string | null,
    action: string,
    workspace?: { id: number; agencyId: number } | null
  ) {
    if (workspace) {
      return this.handle({
        agencyId: workspace.agencyId,
        workspaceId: workspace.id,
        userId: user.id,
        action,
        ip,
      })
    }
    const agencies = await db
      .from('agency_members')
      .where('user_id', user.id)
      .select('agency_id')
      .union((q) =>
        q
          .from('workspace_members as m')
          .join('workspaces as w', 'w.id', 'm.workspace_id')
          .where('m.user_id', user.id)
          .select('w.agency_id')
      )
    await this.handle(
      agencies.map((row) => ({ agencyId: row.agency_id, userId: user.id, action, ip }))
    )
  }
}
