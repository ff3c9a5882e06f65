import vine from '@vinejs/vine'

/** The admin's "new API token" form: a name and read-only or full access. */
export const createApiTokenValidator = vine.create({
  name: vine.string().trim().minLength(1).maxLength(100),
  access: vine.enum(['read', 'full'] as const),
})
