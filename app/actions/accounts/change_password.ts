import hash from '@adonisjs/core/services/hash'
import type { HttpContext } from '@adonisjs/core/http'
import type User from '#models/user'
import ChangeUserPassword from '#actions/auth/change_password'
import SendAccountMail from '#actions/accounts/send_account_mail'
import { DomainError } from '#exceptions/domain_error'

/**
 * The profile's password change: the current password is required; then every other session
 * and API token ends (#actions/auth/change_password signs this browser in again) and the owner
 * is told by e-mail, in case it was not them.
 */
export default class ChangeOwnPassword {
  static async handle(params: {
    user: User
    currentPassword: string
    password: string
    ctx: HttpContext
  }) {
    const { user, currentPassword, password, ctx } = params
    if (!(await hash.verify(user.password, currentPassword))) {
      throw new DomainError(422, 'current_password', 'accounts.wrong_password', 'currentPassword')
    }
    await ChangeUserPassword.handle({ user, password, ctx })
    await SendAccountMail.handle({ kind: 'password_changed', to: user.email, locale: user.locale })
    return user
  }
}
