import type { HttpContext } from '@adonisjs/core/http'
import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { requireTeamManager } from '#actions/accounts/team'

const PER_PAGE = 50

const filtersValidator = vine.create({
  action: vine.string().trim().maxLength(120).optional(),
  user: vine.string().trim().maxLength(255).optional(),
  from: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  to: vine.date({ formats: ['YYYY-MM-DD'] }).optional(),
  page: vine.number().withoutDecimals().positive().max(100_000).optional(),
})

/**
 * Registro de atividades: the workspace's changes and the agency's logins, newest first,
 * filtered by action, person and period. For the agency's owners and admins.
 */
export default class AuditController {
  async index({ inertia, request, auth, workspace }: HttpContext) {
    await requireTeamManager(auth.getUserOrFail(), workspace.agencyId)
    const filters = await filtersValidator.validate(request.qs())
    const page = filters.page ?? 1
    const query = db
      .from('audit_events as e')
      .leftJoin('users as u', 'u.id', 'e.user_id')
      .where('e.agency_id', workspace.agencyId)
      .where((q) => q.where('e.workspace_id', workspace.id).orWhereNull('e.workspace_id'))
    if (filters.action) query.whereILike('e.action', `%${filters.action}%`)
    if (filters.user) {
      query.where((q) =>
        q.whereILike('u.email', `%${filters.user}%`).orWhereILike('u.name', `%${filters.user}%`)
      )
    }
    if (filters.from) query.where('e.created_at', '>=', filters.from)
    if (filters.to) query.where('e.created_at', '<', new Date(filters.to.getTime() + 86_400_000))
    const [{ total }] = await query.clone().count('* as total')
    const rows = await query
      .orderBy('e.id', 'desc')
      .limit(PER_PAGE)
      .offset((page - 1) * PER_PAGE)
      .select(
        'e.id',
        'e.action',
        'e.method',
        'e.path',
        'e.subject_id',
        'e.ip',
        'e.created_at',
        'u.name as user_name',
        'u.email as user_email'
      )
    return inertia.render('audit/index', {
      events: rows.map((row) => ({
        id: Number(row.id),
        action: row.action,
        method: row.method,
        path: row.path,
        subjectId: row.subject_id,
        ip: row.ip,
        createdAt: new Date(row.created_at).toISOString(),
        user: row.user_email ? { name: row.user_name, email: row.user_email } : null,
      })),
      filters: {
        action: filters.action ?? '',
        user: filters.user ?? '',
        from: request.qs().from ?? '',
        to: request.qs().to ?? '',
      },
      meta: {
        total: Number(total),
        page,
        lastPage: Math.max(1, Math.ceil(Number(total) / PER_PAGE)),
      },
    })
  }
}
