import { createHash, randomBytes } from 'node:crypto'
import * as OTPAuth from 'otpauth'
import QRCode from 'qrcode'
import db from '@adonisjs/lucid/services/db'
import encryption from '@adonisjs/core/services/encryption'
import limiter from '@adonisjs/limiter/services/main'
import type User from '#models/user'
import { DomainError } from '#exceptions/domain_error'

const ISSUER = 'Funil Digital'
/** Session key of a login whose password was right and whose code is still due (5 minutes). */
export const TWO_FACTOR_PENDING = 'two_factor_pending'
export const TWO_FACTOR_PENDING_MS = 5 * 60_000
const RECOVERY_CODES = 8
/** Wrong codes allowed per account before verification pauses, and for how long. */
export const TWO_FACTOR_ATTEMPTS = { requests: 5, duration: '15 mins', blockDuration: '15 mins' }

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')
const normalizeRecovery = (code: string) => code.replace(/[\s-]/g, '').toLowerCase()

interface TwoFactorRow {
  two_factor_secret: string | null
  two_factor_enabled_at: Date | null
  two_factor_recovery_codes: string[] | null
}

async function rowOf(userId: number) {
  return (await db
    .from('users')
    .where('id', userId)
    .select('two_factor_secret', 'two_factor_enabled_at', 'two_factor_recovery_codes')
    .first()) as TwoFactorRow | null
}

function totpFor(user: User, secretBase32: string, issuer = ISSUER) {
  return new OTPAuth.TOTP({
    issuer,
    label: user.email,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  })
}

/**
 * Optional TOTP second factor (authenticator apps): enrolment with a QR code, confirmation by a
 * first code, recovery codes shown once, and verification at login (throttled per account).
 */
export default class TwoFactor {
  static async isEnabled(userId: number) {
    const row = await rowOf(userId)
    return !!row?.two_factor_enabled_at
  }

  /** A new secret (kept encrypted, not yet in force) and what the authenticator app scans. */
  /** `issuer`: the name the authenticator app lists (an agency's product name when white-labelled). */
  static async start(user: User, issuer = ISSUER) {
    const secret = new OTPAuth.Secret({ size: 20 })
    await db
      .from('users')
      .where('id', user.id)
      .whereNull('two_factor_enabled_at')
      .update({ two_factor_secret: encryption.encrypt(secret.base32) })
    const uri = totpFor(user, secret.base32, issuer).toString()
    return {
      secret: secret.base32,
      uri,
      qr: await QRCode.toDataURL(uri, { margin: 1, width: 220 }),
    }
  }

  /** The first code from the app turns it on; returns the recovery codes (shown once). */
  static async confirm(user: User, code: string) {
    const row = await rowOf(user.id)
    if (!row?.two_factor_secret || row.two_factor_enabled_at) return null
    const secret = encryption.decrypt<string>(row.two_factor_secret)
    if (!secret || totpFor(user, secret).validate({ token: code.trim(), window: 1 }) === null) {
      return null
    }
    const codes = Array.from({ length: RECOVERY_CODES }, () => {
      const raw = randomBytes(5).toString('hex')
      return `${raw.slice(0, 5)}-${raw.slice(5)}`
    })
    await db
      .from('users')
      .where('id', user.id)
      .update({
        two_factor_enabled_at: new Date(),
        two_factor_recovery_codes: JSON.stringify(codes.map((c) => sha256(normalizeRecovery(c)))),
      })
    return codes
  }

  static async disable(userId: number) {
    await db.from('users').where('id', userId).update({
      two_factor_secret: null,
      two_factor_enabled_at: null,
      two_factor_recovery_codes: null,
    })
  }

  /**
   * Checks a login code: a current TOTP code or an unused recovery code (used up). Five wrong
   * codes lock verification for the account for 15 minutes: returns 'locked' then.
   */
  static async verify(user: User, code: string): Promise<'ok' | 'invalid' | 'locked'> {
    const throttle = limiter.use(TWO_FACTOR_ATTEMPTS)
    const key = `two_factor:${user.id}`
    const state = await throttle.get(key)
    if (state && state.remaining <= 0) return 'locked'

    const ok = await db.transaction(async (trx) => {
      const row = (await trx
        .from('users')
        .where('id', user.id)
        .forUpdate()
        .select('two_factor_secret', 'two_factor_enabled_at', 'two_factor_recovery_codes')
        .first()) as TwoFactorRow | null
      if (!row?.two_factor_enabled_at || !row.two_factor_secret) return false
      const secret = encryption.decrypt<string>(row.two_factor_secret)
      const token = code.trim()
      if (/^\d{6}$/.test(token) && secret) {
        return totpFor(user, secret).validate({ token, window: 1 }) !== null
      }
      const hash = sha256(normalizeRecovery(token))
      const codes = row.two_factor_recovery_codes ?? []
      if (!codes.includes(hash)) return false
      await trx
        .from('users')
        .where('id', user.id)
        .update({ two_factor_recovery_codes: JSON.stringify(codes.filter((c) => c !== hash)) })
      return true
    })
    if (ok) {
      await throttle.delete(key)
      return 'ok'
    }
    const { consumed, limit } = await throttle.increment(key)
    if (consumed >= limit) await throttle.block(key, TWO_FACTOR_ATTEMPTS.blockDuration)
    return 'invalid'
  }

  /**
   * `POST /api/auth/login` of an account with two-factor on needs `otp` as well: 401
   * `otp_required` without it, 401 `otp_invalid` when wrong, 429 after five wrong codes.
   */
  static async requireForApi(user: User, otp: string | undefined) {
    if (!(await this.isEnabled(user.id))) return
    if (!otp) throw new DomainError(401, 'otp_required', 'two_factor.required', 'otp')
    const result = await this.verify(user, otp)
    if (result === 'locked')
      throw new DomainError(429, 'too_many_attempts', 'two_factor.locked', 'otp')
    if (result === 'invalid') throw new DomainError(401, 'otp_invalid', 'two_factor.invalid', 'otp')
  }

  /**
   * Whether the workspace's agency requires two-step verification and the user has not turned
   * it on (then the admin sends them to enrol and the API refuses with 403).
   */
  static async missingFor(userId: number, agencyId: number) {
    const result = await db.rawQuery(
      `SELECT a.require_two_factor, u.two_factor_enabled_at
         FROM agencies a, users u WHERE a.id = ? AND u.id = ?`,
      [agencyId, userId]
    )
    const row = result.rows[0]
    return !!row?.require_two_factor && !row.two_factor_enabled_at
  }
}
