import { createHash, randomBytes } from 'node:crypto'
import { DateTime, type DurationLikeObject } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import AccountToken, { type AccountTokenPurpose } from '#models/account_token'
import type User from '#models/user'
import { appUrl } from '#config/app'

/** How long each kind of link works. */
export const TOKEN_TTL: Record<AccountTokenPurpose, DurationLikeObject> = {
  email_verification: { hours: 48 },
  password_reset: { hours: 1 },
  email_change: { hours: 24 },
}

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex')

/** An absolute link to the admin (e-mails are read outside the app). */
export function adminLink(path: string) {
  return `${appUrl.replace(/\/$/, '')}${path}`
}

/**
 * Issues a new single-use token (256 random bits, base64url) and stores its hash. Older unused
 * tokens of the same purpose stop working: only the newest link in the inbox counts.
 */
export async function issueAccountToken(params: {
  user: User
  purpose: AccountTokenPurpose
  email?: string
  trx?: TransactionClientContract
}) {
  const { user, purpose, email, trx } = params
  const token = randomBytes(32).toString('base64url')
  const now = DateTime.now()
  await AccountToken.query({ client: trx })
    .where('user_id', user.id)
    .where('purpose', purpose)
    .whereNull('used_at')
    .update({ used_at: now.toSQL() })
  await AccountToken.create(
    {
      userId: user.id,
      purpose,
      tokenHash: hashOf(token),
      email: email ?? null,
      expiresAt: now.plus(TOKEN_TTL[purpose]),
    },
    { client: trx }
  )
  return token
}

/** The still-usable token row for a raw token, without using it (to show a form). */
export async function findUsableToken(raw: string, purpose: AccountTokenPurpose) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return null
  return AccountToken.query()
    .where('token_hash', hashOf(raw))
    .where('purpose', purpose)
    .whereNull('used_at')
    .where('expires_at', '>', DateTime.now().toSQL()!)
    .first()
}

/**
 * Uses a token inside `trx`: the row is locked, so two clicks racing on one link cannot both
 * succeed. Returns null when unknown, of another purpose, already used or expired.
 */
export async function consumeAccountToken(
  raw: string,
  purpose: AccountTokenPurpose,
  trx: TransactionClientContract
) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(raw)) return null
  const token = await AccountToken.query({ client: trx })
    .where('token_hash', hashOf(raw))
    .where('purpose', purpose)
    .forUpdate()
    .first()
  if (!token || token.usedAt || token.expiresAt <= DateTime.now()) return null
  token.usedAt = DateTime.now()
  await token.useTransaction(trx).save()
  return token
}

/** Runs `work` in a transaction (shortcut used by the actions of this folder). */
export function inTransaction<T>(work: (trx: TransactionClientContract) => Promise<T>) {
  return db.transaction(work)
}
