import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'

/**
 * The team of a workspace's agency: agency members (all workspaces), members restricted to
 * some of its workspaces (client logins), and pending invitations.
 */
export default class ListTeam {
  static async handle({ workspace }: { workspace: Workspace }) {
    const agencyId = workspace.agencyId
    const [agencyMembers, workspaceMembers, invitations, workspaces] = await Promise.all([
      db
        .from('agency_members as m')
        .join('users as u', 'u.id', 'm.user_id')
        .where('m.agency_id', agencyId)
        .orderBy('u.name')
        .select('m.id', 'm.role', 'u.id as user_id', 'u.name', 'u.email', 'm.created_at'),
      db
        .from('workspace_members as m')
        .join('users as u', 'u.id', 'm.user_id')
        .join('workspaces as w', 'w.id', 'm.workspace_id')
        .where('w.agency_id', agencyId)
        .orderBy(['u.name', 'w.name'])
        .select(
          'm.id',
          'm.role',
          'u.id as user_id',
          'u.name',
          'u.email',
          'w.id as workspace_id',
          'w.name as workspace_name',
          'm.created_at'
        ),
      db
        .from('invitations')
        .where('agency_id', agencyId)
        .whereNull('accepted_at')
        .whereNull('revoked_at')
        .where('expires_at', '>', DateTime.now().toSQL()!)
        .orderBy('created_at', 'desc')
        .select('id', 'email', 'role', 'workspace_ids', 'expires_at', 'created_at'),
      db
        .from('workspaces')
        .where('agency_id', agencyId)
        .whereNull('archived_at')
        .orderBy('name')
        .select('id', 'name', 'slug'),
    ])
    const names = new Map(workspaces.map((w) => [w.id, w.name]))
    return {
      members: [
        ...agencyMembers.map((m) => ({
          kind: 'agency' as const,
          id: m.id,
          userId: m.user_id,
          name: m.name,
          email: m.email,
          role: m.role,
          workspace: null,
        })),
        ...workspaceMembers.map((m) => ({
          kind: 'workspace' as const,
          id: m.id,
          userId: m.user_id,
          name: m.name,
          email: m.email,
          role: m.role,
          workspace: { id: m.workspace_id, name: m.workspace_name },
        })),
      ],
      invitations: invitations.map((i) => ({
        id: i.id,
        email: i.email,
        role: i.role,
        workspaces: i.workspace_ids
          ? (i.workspace_ids as number[]).map((id) => names.get(id) ?? `#${id}`)
          : null,
        expiresAt: new Date(i.expires_at).toISOString(),
      })),
      workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, slug: w.slug })),
    }
  }
}
