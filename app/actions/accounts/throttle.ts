import limiter from '@adonisjs/limiter/services/main'
import logger from '@adonisjs/core/services/logger'

/** Budgets of the signed-out account forms, per client IP (and per e-mail for resets). */
export const ACCOUNT_THROTTLES = {
  signup: { requests: 5, duration: '1 hour' },
  passwordReset: { requests: 10, duration: '1 hour' },
  passwordResetPerEmail: { requests: 3, duration: '1 hour' },
  emailChange: { requests: 5, duration: '1 hour' },
  resendVerification: { requests: 3, duration: '1 hour' },
} as const

/**
 * Spends one request of `budget` under `key`; returns the seconds to wait when it is exhausted,
 * or null. A limiter store outage lets the request through (logged) rather than failing it.
 */
export async function spend(budget: keyof typeof ACCOUNT_THROTTLES, key: string) {
  try {
    const throttle = limiter.use(ACCOUNT_THROTTLES[budget])
    const response = await throttle.attempt(`${budget}:${key}`, () => true)
    if (response) return null
    return Math.max(1, (await throttle.availableIn(`${budget}:${key}`)) || 1)
  } catch (error) {
    logger.warn({ err: error }, 'account throttle store unavailable')
    return null
  }
}
