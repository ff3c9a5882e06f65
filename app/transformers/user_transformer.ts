import { BaseTransformer } from '@adonisjs/core/transformers'
import type User from '#models/user'

/** What pages and the API see of a user: never the password hash. */
export default class UserTransformer extends BaseTransformer<User> {
  toObject() {
    const user = this.resource
    return {
      id: user.id,
      name: user.name,
      email: user.email,
      initials: user.initials,
      locale: user.locale,
      /** False only for a self sign-up that has not clicked its link yet (admin banner). */
      emailVerified: !!user.emailVerifiedAt,
    }
  }
}
