import vine from '@vinejs/vine'
import { RESERVED_SLUGS, WORKSPACE_SLUG } from '#validators/workspace'

/** New passwords: long enough to resist guessing, short enough for scrypt to stay cheap. */
const newPassword = () => vine.string().minLength(8).maxLength(128)
const email = () => vine.string().trim().toLowerCase().email().maxLength(255)

/** Sign-up of a new agency with its owner and first workspace. */
export const signUpValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(255),
  email: email(),
  password: newPassword().confirmed({ as: 'passwordConfirmation' }),
  agencyName: vine.string().trim().minLength(2).maxLength(255),
  workspaceName: vine.string().trim().minLength(2).maxLength(255),
  workspaceSlug: vine
    .string()
    .trim()
    .toLowerCase()
    .regex(WORKSPACE_SLUG)
    .notIn(RESERVED_SLUGS)
    .unique({ table: 'workspaces', column: 'slug' }),
})

export const forgotPasswordValidator = vine.create({ email: email() })

export const resetPasswordValidator = vine.create({
  password: newPassword().confirmed({ as: 'passwordConfirmation' }),
})

export const updateProfileValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(255),
  locale: vine.enum(['pt-BR', 'en'] as const),
})

export const changeEmailValidator = vine.create({
  email: email(),
  currentPassword: vine.string().minLength(1).maxLength(255),
})

export const changePasswordValidator = vine.create({
  currentPassword: vine.string().minLength(1).maxLength(255),
  password: newPassword().confirmed({ as: 'passwordConfirmation' }),
})
