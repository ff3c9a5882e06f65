import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import Invitation from '#models/invitation'
import User from '#models/user'
import Workspace from '#models/workspace'
import { hashToken } from '#actions/accounts/team'
import { DomainError } from '#exceptions/domain_error'
import { AGENCY_ROLES } from '#enums/roles'

const usable = (raw: string) => /^[A-Za-z0-9_-]{20,100}$/.test(raw)

/**
 * Accepts an invitation from its e-mailed link: the signed-in account (it must be the invited
 * address), or a new account created with it (the click proves the address). The invitation
 * is used once; an existing agency membership is never lowered by it.
 */
export default class AcceptInvitation {
  /** The invitation behind a link while it can still be accepted, for the page. */
  static async find(token: string) {
    if (!usable(token)) return null
    return Invitation.query()
      .where('token_hash', hashToken(token))
      .whereNull('accepted_at')
      .whereNull('revoked_at')
      .where('expires_at', '>', DateTime.now().toSQL()!)
      .preload('agency')
      .first()
  }

  static async handle(params: {
    token: string
    user?: User | null
    newAccount?: { name: string; password: string; locale: string }
  }) {
    if (!usable(params.token)) return null
    return db.transaction(async (trx) => {
      const invitation = await Invitation.query({ client: trx })
        .where('token_hash', hashToken(params.token))
        .forUpdate()
        .first()
      if (
        !invitation ||
        invitation.acceptedAt ||
        invitation.revokedAt ||
        invitation.expiresAt <= DateTime.now()
      ) {
        return null
      }

      let user = params.user ?? null
      if (user && user.email.toLowerCase() !== invitation.email.toLowerCase()) {
        throw new DomainError(403, 'other_account', 'team.invitation_other_account', 'email', {
          email: invitation.email,
        })
      }
      if (!user) {
        if (!params.newAccount) return null
        user = await User.create(
          { ...params.newAccount, email: invitation.email, emailVerifiedAt: DateTime.now() },
          { client: trx }
        )
      }

      await this.#attach(invitation, user, trx)
      invitation.acceptedAt = DateTime.now()
      await invitation.useTransaction(trx).save()

      const first = invitation.workspaceIds?.length
        ? await Workspace.query({ client: trx })
            .whereIn('id', invitation.workspaceIds)
            .orderBy('name')
            .first()
        : await Workspace.query({ client: trx })
            .where('agency_id', invitation.agencyId)
            .whereNull('archived_at')
            .orderBy('name')
            .first()
      return { user, invitation, workspace: first }
    })
  }

  static async #attach(invitation: Invitation, user: User, trx: TransactionClientContract) {
    const current = await trx
      .from('agency_members')
      .where({ agency_id: invitation.agencyId, user_id: user.id })
      .first()
    if (!invitation.workspaceIds) {
      if (!current) {
        await trx.table('agency_members').insert({
          agency_id: invitation.agencyId,
          user_id: user.id,
          role: invitation.role,
        })
      } else if (
        AGENCY_ROLES.indexOf(invitation.role as never) < AGENCY_ROLES.indexOf(current.role)
      ) {
        await trx.from('agency_members').where('id', current.id).update({ role: invitation.role })
      }
      return
    }
    /** An agency member already sees every workspace: nothing to add. */
    if (current) return
    for (const workspaceId of invitation.workspaceIds) {
      await trx
        .table('workspace_members')
        .insert({ workspace_id: workspaceId, user_id: user.id, role: invitation.role })
        .onConflict(['workspace_id', 'user_id'])
        .merge(['role'])
    }
  }
}
