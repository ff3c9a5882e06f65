import limiter from '@adonisjs/limiter/services/main'
import User from '#models/user'
import { ApiError } from '#exceptions/api_error'
import { errors as authErrors } from '@adonisjs/auth'

/**
 * Checks an e-mail and password, slowing down guessing: five wrong tries per e-mail and IP
 * block that pair for fifteen minutes. Used by the admin login and `POST /api/auth/login`.
 */
export default class AuthenticateUser {
  static async handle({ email, password, ip }: { email: string; password: string; ip: string }) {
    const loginLimiter = limiter.use({ requests: 5, duration: '1 min', blockDuration: '15 mins' })
    const key = `login:${ip}:${email.toLowerCase()}`
    const [error, user] = await loginLimiter.penalize(key, () =>
      User.verifyCredentials(email.toLowerCase(), password)
    )
    if (error) {
      throw new ApiError(429, 'too_many_attempts', 'auth.too_many_attempts', 'email', {
        seconds: error.response.availableIn,
      })
    }
    /** A deactivated account answers like a wrong password: its state is not revealed. */
    if (!user.isActive) {
      throw new authErrors.E_INVALID_CREDENTIALS('Invalid user credentials')
    }
    return user
  }
}
