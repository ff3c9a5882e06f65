import vine from '@vinejs/vine'

/** A capture form as a visitor posts it (without JavaScript too). Which fields count is the step's choice. */
export const leadValidator = vine.create({
  name: vine.string().trim().minLength(2).maxLength(255).optional(),
  email: vine.string().trim().email().maxLength(255).optional(),
  phone: vine
    .string()
    .trim()
    .regex(/^\+?[\d\s().-]{10,20}$/)
    .optional(),
  fd_event_id: vine.string().uuid().optional(),
})
