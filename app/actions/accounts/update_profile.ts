import type User from '#models/user'

/** Name and language of the signed-in user. */
export default class UpdateProfile {
  static async handle({ user, data }: { user: User; data: { name: string; locale: string } }) {
    user.merge({ name: data.name, locale: data.locale })
    await user.save()
    return user
  }
}
