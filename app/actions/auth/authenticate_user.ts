import limiter from '@adonisjs/limiter/services/main'
import logger from '@adonisjs/core/services/logger'
import User from '#models/user'
import { DomainError } from '#exceptions/domain_error'
import { errors as authErrors } from '@adonisjs/auth'
import { normalizeIp } from '#services/client_ip'

/** Wrong passwords allowed per e-mail and IP before the pair is locked, and for how long. */
export const LOGIN_ATTEMPTS = 5
export const LOGIN_LOCK = '15 mins'

/** One budget per account and client IP: a guesser elsewhere cannot lock the owner out. */
export function loginLockKey(email: string, ip: string | null) {
  return `login:${email.trim().toLowerCase()}:${normalizeIp(ip) ?? 'none'}`
}

function loginLimiter() {
  return limiter.use({ requests: LOGIN_ATTEMPTS, duration: LOGIN_LOCK, blockDuration: LOGIN_LOCK })
}

/**
 * Runs a limiter store call; if the store (Redis) is down the login neither fails with a 500
 * nor waits on it: the attempt is checked without the throttle and the failure is logged.
 */
async function safely<T>(operation: () => Promise<T>): Promise<T | null> {
  try {
    return await operation()
  } catch (error) {
    logger.warn({ err: error }, 'login throttle store unavailable')
    return null
  }
}

/**
 * Checks an e-mail and password, slowing down guessing: five wrong tries per e-mail and IP
 * within fifteen minutes lock that pair for fifteen minutes (429, message in minutes, even for
 * the right password); a right password clears the count. Used by the admin login and
 * `POST /api/auth/login`; ClearLoginLock lifts a lock (password reset).
 */
export default class AuthenticateUser {
  static async handle({
    email,
    password,
    ip,
  }: {
    email: string
    password: string
    ip: string | null
  }) {
    const throttle = loginLimiter()
    const key = loginLockKey(email, ip)
    const state = await safely(() => throttle.get(key))
    if (state && state.remaining <= 0) {
      const seconds = Math.max(1, state.availableIn)
      const minutes = Math.ceil(seconds / 60)
      const message = minutes === 1 ? 'auth.too_many_attempts_one' : 'auth.too_many_attempts'
      throw new DomainError(429, 'too_many_attempts', message, 'email', { seconds, minutes })
    }

    let user: User
    try {
      user = await User.verifyCredentials(email.trim().toLowerCase(), password)
    } catch (error) {
      if (error instanceof authErrors.E_INVALID_CREDENTIALS) {
        await safely(async () => {
          const { consumed, limit } = await throttle.increment(key)
          if (consumed >= limit) await throttle.block(key, LOGIN_LOCK)
        })
      }
      throw error
    }
    await safely(() => throttle.delete(key))

    /** A deactivated account answers like a wrong password: its state is not revealed. */
    if (!user.isActive) {
      throw new authErrors.E_INVALID_CREDENTIALS('Invalid user credentials')
    }
    return user
  }
}
