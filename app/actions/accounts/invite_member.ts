import { DateTime } from 'luxon'
import type Agency from '#models/agency'
import type User from '#models/user'
import Invitation from '#models/invitation'
import SendAccountMail from '#actions/accounts/send_account_mail'
import { adminLink } from '#actions/accounts/account_tokens'
import { INVITATION_DAYS, hashToken, newToken } from '#actions/accounts/team'
import { DomainError } from '#exceptions/domain_error'
import { t, type Locale } from '#services/i18n'
import type { Role } from '#enums/roles'

export interface InviteData {
  email: string
  role: Role
  /** Absent or empty: the whole agency. */
  workspaceIds?: number[]
}

/**
 * Invites someone by e-mail to the agency (all workspaces) or to some of its workspaces with a
 * role. Only owners may invite owners, and owners are agency-wide. The workspaces must be the
 * agency's (another agency's id is a 404). A new invitation to the same address replaces a
 * pending one.
 */
export default class InviteMember {
  static async handle(params: {
    agency: Agency
    inviter: User
    inviterRole: Role
    data: InviteData
    /** Language of the invitation e-mail (the inviter's): its text, never an error message. */
    locale: Locale
  }) {
    const { agency, inviter, inviterRole, data, locale } = params
    const email = data.email.trim().toLowerCase()
    const workspaceIds = [...new Set(data.workspaceIds ?? [])]
    if (data.role === 'owner' && inviterRole !== 'owner') {
      throw new DomainError(403, 'forbidden', 'auth.forbidden', 'role')
    }
    if (data.role === 'owner' && workspaceIds.length) {
      throw new DomainError(422, 'owner_agency_wide', 'team.owner_agency_wide', 'role')
    }
    const workspaces = workspaceIds.length
      ? await agency
          .related('workspaces')
          .query()
          .whereIn('id', workspaceIds)
          .whereNull('archived_at')
      : []
    if (workspaces.length !== workspaceIds.length) {
      throw new DomainError(404, 'not_found', 'errors.not_found', 'workspaceIds')
    }

    const token = newToken()
    await Invitation.query()
      .where('agency_id', agency.id)
      .whereRaw('lower(email) = ?', [email])
      .whereNull('accepted_at')
      .whereNull('revoked_at')
      .update({ revoked_at: DateTime.now().toSQL() })
    const invitation = await Invitation.create({
      agencyId: agency.id,
      email,
      role: data.role,
      workspaceIds: workspaceIds.length ? workspaceIds : null,
      tokenHash: hashToken(token),
      invitedBy: inviter.id,
      expiresAt: DateTime.now().plus({ days: INVITATION_DAYS }),
    })
    const target = workspaces.length
      ? t(locale, 'team.mail_target_workspaces', {
          workspaces: workspaces.map((w) => w.name).join(', '),
          agency: agency.name,
        })
      : t(locale, 'team.mail_target_agency', { agency: agency.name })
    await SendAccountMail.handle({
      kind: 'invitation',
      to: email,
      locale,
      url: adminLink(`/invitations/${token}`),
      /** The invitation wears the inviting agency's brand (the invitee has no account yet). */
      agencyId: agency.id,
      vars: {
        inviter: inviter.name,
        target,
        role: t(locale, `roles.${data.role}`),
        days: INVITATION_DAYS,
      },
    })
    return invitation
  }
}
