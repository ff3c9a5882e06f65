import vine from '@vinejs/vine'

/** Admin login form. */
export const loginValidator = vine.create({
  email: vine.string().trim().email().maxLength(255),
  password: vine.string().minLength(1).maxLength(255),
})

/**
 * `POST /api/auth/login`: `workspace` (id or slug) binds the token to one workspace; without it
 * the token is agency-wide and every request names its workspace in `X-Workspace`.
 */
export const apiLoginValidator = vine.create({
  email: vine.string().trim().email().maxLength(255),
  password: vine.string().minLength(1).maxLength(255),
  workspace: vine
    .union([
      vine.union.if(
        (value) => typeof value === 'number',
        vine.number().withoutDecimals().positive()
      ),
      vine.union.else(vine.string().trim().maxLength(63)),
    ])
    .optional(),
  tokenName: vine.string().trim().maxLength(100).optional(),
  /** The authenticator code (or a recovery code) of an account with two-factor on. */
  otp: vine.string().trim().maxLength(20).optional(),
})

export const localeValidator = vine.create({
  locale: vine.enum(['pt-BR', 'en'] as const),
})
