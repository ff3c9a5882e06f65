import { DateTime } from 'luxon'
import type Workspace from '#models/workspace'
import Invitation from '#models/invitation'
import { DomainError } from '#exceptions/domain_error'

/** Cancels a pending invitation of the workspace's agency (another agency's id is a 404). */
export default class RevokeInvitation {
  static async handle({ workspace, id }: { workspace: Workspace; id: number }) {
    const invitation = await Invitation.query()
      .where('id', id)
      .where('agency_id', workspace.agencyId)
      .whereNull('accepted_at')
      .whereNull('revoked_at')
      .first()
    if (!invitation) throw new DomainError(404, 'not_found', 'errors.not_found')
    invitation.revokedAt = DateTime.now()
    await invitation.save()
  }
}
