import db from '@adonisjs/lucid/services/db'
import { urlFor } from '@adonisjs/core/services/url_builder'
import Workspace from '#models/workspace'
import type User from '#models/user'
import { MANAGE_ROLES, WRITE_ROLES, type Role } from '#enums/roles'

/**
 * Who may see which workspace, answered in one query: a member of the agency sees all its
 * workspaces with the agency role; a client login sees only the workspaces it was added to.
 * The role found is kept on the model as `$extras.memberRole`.
 */
export default class WorkspaceAccess {
  /** Workspaces the user can open (not archived unless asked), each with the user's role. */
  static accessibleQuery(user: User, options: { includeArchived?: boolean } = {}) {
    const query = Workspace.query()
      .select('workspaces.*')
      .select(db.raw('coalesce(am.role, wm.role) as member_role'))
      .leftJoin('agency_members as am', (join) => {
        join.on('am.agency_id', 'workspaces.agency_id').andOnVal('am.user_id', user.id)
      })
      .leftJoin('workspace_members as wm', (join) => {
        join.on('wm.workspace_id', 'workspaces.id').andOnVal('wm.user_id', user.id)
      })
      .where((q) => q.whereNotNull('am.id').orWhereNotNull('wm.id'))
    if (!options.includeArchived) query.whereNull('workspaces.archived_at')
    return query
  }

  static async list(user: User, options: { includeArchived?: boolean } = {}) {
    return this.accessibleQuery(user, options).preload('agency').orderBy('workspaces.name')
  }

  /**
   * Where a signed-in user lands (`/`, after sign-up's e-mail check, after accepting an
   * invitation: that workspace): the first workspace's dashboard, or the workspaces page when
   * there is none.
   */
  static async homeUrl(user: User, workspace?: Workspace | null) {
    const [first] = workspace === undefined ? await this.list(user) : [workspace]
    return first ? urlFor('w.dashboard', { workspaceSlug: first.slug }) : urlFor('workspaces.index')
  }

  /** The workspace by slug or id if the user may open it; null otherwise (callers answer 404). */
  static async find(user: User, key: { slug: string } | { id: number }) {
    const query = this.accessibleQuery(user)
    if ('slug' in key) query.where('workspaces.slug', key.slug)
    else query.where('workspaces.id', key.id)
    return query.first()
  }

  static roleOf(workspace: Workspace): Role | null {
    return (workspace.$extras.member_role as Role | undefined) ?? null
  }

  static canWrite(workspace: Workspace) {
    const role = this.roleOf(workspace)
    return role !== null && WRITE_ROLES.includes(role)
  }

  static canManage(workspace: Workspace) {
    const role = this.roleOf(workspace)
    return role !== null && MANAGE_ROLES.includes(role)
  }

  /** The user's role in an agency, or null when not a member. */
  static async agencyRole(user: User, agencyId: number): Promise<Role | null> {
    const member = await db
      .from('agency_members')
      .where({ agency_id: agencyId, user_id: user.id })
      .select('role')
      .first()
    return member?.role ?? null
  }
}
