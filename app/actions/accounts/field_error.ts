import { errors } from '@vinejs/vine'

/**
 * A validation error on one field raised after validation (wrong current password, an e-mail
 * equal to the current one): forms get it like any other field error, the API a 422.
 */
export function fieldError(field: string, rule: string, message: string) {
  return new errors.E_VALIDATION_ERROR([{ field, rule, message }])
}
