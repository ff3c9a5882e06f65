import { randomBytes } from 'node:crypto'
import vine from '@vinejs/vine'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Agency from '#models/agency'
import User from '#models/user'
import type Workspace from '#models/workspace'
import CreateWorkspace from '#actions/workspaces/create_workspace'
import type { AgencyRole, WorkspaceRole } from '#enums/roles'
import { RESERVED_SLUGS, WORKSPACE_SLUG } from '#validators/workspace'

/** What an operator may give `user:create` / `agency:create`; the same rules as sign-up. */
export const operatorUserValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(255),
  email: vine.string().trim().toLowerCase().email().maxLength(255),
  password: vine.string().minLength(8).maxLength(128),
  locale: vine.enum(['pt-BR', 'en'] as const),
})

export const operatorWorkspaceValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(255),
  slug: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(WORKSPACE_SLUG)
    .notIn(RESERVED_SLUGS)
    .unique({ table: 'workspaces', column: 'slug' }),
})

/** A readable random password for operators who did not choose one (printed once). */
export function generatePassword() {
  return randomBytes(12).toString('base64url')
}

/**
 * Operator-side account creation (ace commands, docker-compose first run): a user whose
 * e-mail counts as verified, optionally a member of an agency or of one workspace.
 */
export default class CreateAccount {
  static async user(params: {
    data: { name: string; email: string; password: string; locale: string }
    agency?: Agency | null
    agencyRole?: AgencyRole
    workspace?: Workspace | null
    workspaceRole?: WorkspaceRole
  }) {
    return db.transaction(async (trx) => {
      const user = await User.create(
        { ...params.data, emailVerifiedAt: DateTime.now() },
        { client: trx }
      )
      if (params.agency) {
        await params.agency
          .useTransaction(trx)
          .related('members')
          .create({ userId: user.id, role: params.agencyRole ?? 'viewer' })
      }
      if (params.workspace) {
        await params.workspace
          .useTransaction(trx)
          .related('members')
          .create({ userId: user.id, role: params.workspaceRole ?? 'viewer' })
      }
      return user
    })
  }

  /** An agency with its owner (new or existing user) and, when given, a first workspace. */
  static async agency(params: {
    name: string
    slug: string
    owner: User
    workspace?: { name: string; slug: string }
  }) {
    return db.transaction(async (trx) => {
      const agency = await Agency.create({ name: params.name, slug: params.slug }, { client: trx })
      await agency
        .related('members')
        .create({ userId: params.owner.id, role: 'owner' }, { client: trx })
      const workspace = params.workspace
        ? await CreateWorkspace.handle({ agency, data: params.workspace, trx })
        : null
      return { agency, workspace }
    })
  }
}
