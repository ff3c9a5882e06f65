import { UserSchema } from '#database/schema'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { beforeSave, column, hasMany } from '@adonisjs/lucid/orm'
import type { DateTime } from 'luxon'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import type { ModelAdapterOptions } from '@adonisjs/lucid/types/model'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import AgencyMember from '#models/agency_member'
import WorkspaceMember from '#models/workspace_member'

export default class User extends compose(
  UserSchema,
  withAuthFinder(() => hash.use('scrypt'), { uids: ['email'], passwordColumnName: 'password' })
) {
  /** Opaque API tokens, valid for 30 days unless revoked by logout. */
  static accessTokens = DbAccessTokensProvider.forModel(User, {
    table: 'auth_access_tokens',
    expiresIn: '30 days',
    prefix: 'fd_',
  })

  /** Null until a self-signed-up owner clicks the verification link (the admin shows a banner). */
  @column.dateTime()
  declare emailVerifiedAt: DateTime | null

  @hasMany(() => AgencyMember)
  declare agencyMemberships: HasMany<typeof AgencyMember>

  @hasMany(() => WorkspaceMember)
  declare workspaceMemberships: HasMany<typeof WorkspaceMember>

  /** E-mails are compared case-insensitively (unique index on lower(email)). */
  @beforeSave()
  static normalizeEmail(user: User) {
    if (user.$dirty.email) user.email = user.email.trim().toLowerCase()
  }

  /** Users whose e-mail is this one, compared as the unique index compares (lower(email)). */
  static byEmail(email: string, options?: ModelAdapterOptions) {
    return User.query(options).whereRaw('lower(email) = ?', [email.trim().toLowerCase()])
  }

  get initials() {
    const [first, last] = this.name.trim().split(/\s+/)
    return `${first?.charAt(0) ?? ''}${last?.charAt(0) ?? ''}`.toUpperCase()
  }
}
