import vine from '@vinejs/vine'
import { AGENCY_ROLES } from '#enums/roles'

/**
 * An invitation: to the whole agency (no `workspaceIds`) or to some of its workspaces. The ids
 * are checked against the agency by InviteMember (another agency's is a 404).
 */
export const inviteValidator = vine.create({
  email: vine.string().trim().toLowerCase().email().maxLength(255),
  role: vine.enum(AGENCY_ROLES),
  workspaceIds: vine.array(vine.number().withoutDecimals().positive()).maxLength(100).optional(),
})

export const changeRoleValidator = vine.create({
  role: vine.enum(AGENCY_ROLES),
})

/** Accepting an invitation without being signed in: the password of the account, or a new one. */
export const acceptInvitationValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(255).optional(),
  password: vine.string().minLength(1).maxLength(128),
})

export const newAccountValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(255),
  password: vine.string().minLength(8).maxLength(128),
})

export const requireTwoFactorValidator = vine.create({ required: vine.boolean() })
