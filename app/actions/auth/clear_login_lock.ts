import limiter from '@adonisjs/limiter/services/main'
import { LOGIN_ATTEMPTS, LOGIN_LOCK, loginLockKey } from '#actions/auth/authenticate_user'

/**
 * Lifts the login lock of an account at one IP (and forgets its wrong tries): what a password
 * reset calls, with the IP the reset came from, so the owner can sign in at once.
 */
export default class ClearLoginLock {
  static async handle({ email, ip }: { email: string; ip: string | null }) {
    await limiter
      .use({ requests: LOGIN_ATTEMPTS, duration: LOGIN_LOCK, blockDuration: LOGIN_LOCK })
      .delete(loginLockKey(email, ip))
  }
}
