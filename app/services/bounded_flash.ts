import { Session } from '@adonisjs/session'

/**
 * Flashed values live in the session, which is a cookie. Every path that flashes a form's
 * input back (a failed validation, a bad CSRF token, invalid credentials, an authorization
 * failure: the framework's own handlers call `flashExcept`) copied each field whatever its
 * size, so a 900 KB e-mail became a 1.2 MB Set-Cookie. All of them ask `shouldFlashValue`
 * for each value; installed once at boot (start/kernel.ts), it refuses long strings and large
 * objects, so such a field is simply not refilled.
 */

/** Longest string (in characters) the session flashes. */
export const FLASH_STRING_MAX = 1024

/** Largest object or array (as JSON) the session flashes: error bags are far smaller. */
export const FLASH_OBJECT_MAX = 8 * 1024

/** Fields never flashed back, whatever path flashes (the framework's list has only `password`). */
export const SECRET_FIELDS = [
  '_csrf',
  '_method',
  'password',
  'password_confirmation',
  'passwordConfirmation',
  'currentPassword',
  'current_password',
  'newPassword',
  'apiKey',
  'apiSecret',
  'api_key',
  'api_secret',
  'secret',
  'token',
]

export function installBoundedFlash() {
  /** A protected method of the session: reached through the prototype on purpose. */
  const prototype = Session.prototype as unknown as {
    shouldFlashValue: ((value: unknown) => boolean) & { bounded?: boolean }
  }
  const original = prototype.shouldFlashValue
  if (original.bounded) return
  const flashExcept = Session.prototype.flashExcept
  Session.prototype.flashExcept = function (this: Session, keys: string[]) {
    return flashExcept.call(this, [...keys, ...SECRET_FIELDS])
  }
  Session.prototype.flashAll = function (this: Session) {
    return flashExcept.call(this, SECRET_FIELDS)
  }
  const bounded = function (this: Session, value: unknown) {
    if (typeof value === 'string') return value.length <= FLASH_STRING_MAX
    if (!original.call(this, value)) return false
    if (value && typeof value === 'object') {
      try {
        return JSON.stringify(value).length <= FLASH_OBJECT_MAX
      } catch {
        return false
      }
    }
    return true
  }
  prototype.shouldFlashValue = Object.assign(bounded, { bounded: true })
}
