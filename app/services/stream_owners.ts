import type { HttpContext } from '@adonisjs/core/http'
import redis from '@adonisjs/redis/services/main'
import logger from '@adonisjs/core/services/logger'

/** How long a stream uid stays bound after it was last opened: covers transmit-client's reconnects. */
const OWNER_TTL_SECONDS = 24 * 60 * 60

/** transmit-client's uids are UUIDs; anything else is not a stream of ours. */
export const STREAM_UID = /^[A-Za-z0-9_-]{8,64}$/

/** In-process copy: the binding holds on this instance even while Redis does not answer. */
const localOwners = new Map<string, { principal: string; expiresAt: number }>()

const keyOf = (uid: string) => `transmit:owner:${uid}`

/**
 * Who is asking, as a stream owner: the API token (by its id) when the request authenticates
 * with one, else the session (by its id) of a signed-in user; null for anyone else. A session
 * and a token of the same user are different owners: a token leaked to a script does not get
 * at the admin tab's stream, nor the reverse.
 */
export async function streamPrincipal(ctx: HttpContext): Promise<string | null> {
  if (/^Bearer\s/i.test(ctx.request.header('authorization') ?? '')) {
    const api = ctx.auth.use('api')
    if (!(await api.check())) return null
    return `token:${api.user!.currentAccessToken.identifier}`
  }
  const web = ctx.auth.use('web')
  if (!(await web.check())) return null
  return `session:${ctx.session.sessionId}`
}

/**
 * Binds a stream uid to the principal that opens it, across instances (Redis) and restarts
 * (TTL): true if the uid is free or already this principal's. Transmit keeps streams by uid
 * alone, so without this anyone who learns a uid could open a stream under it (and receive
 * what the owner subscribes to) or subscribe and unsubscribe it.
 */
export async function claimStream(uid: string, principal: string) {
  const local = localOwner(uid)
  if (local && local !== principal) return false
  try {
    const key = keyOf(uid)
    const set = await redis.set(key, principal, 'EX', OWNER_TTL_SECONDS, 'NX')
    if (set !== 'OK') {
      const owner = await redis.get(key)
      if (owner !== null && owner !== principal) return false
      await redis.expire(key, OWNER_TTL_SECONDS)
    }
  } catch (error) {
    logger.warn({ err: error }, 'stream owners: Redis unavailable, binding kept in process')
  }
  if (localOwners.size >= 10_000) pruneLocalOwners()
  localOwners.set(uid, { principal, expiresAt: Date.now() + OWNER_TTL_SECONDS * 1000 })
  return true
}

/**
 * Drops this instance's copy when a stream closes (Redis keeps the binding for the owner's
 * reconnect), so the in-process map holds open streams, not a day of them.
 */
export function forgetLocalStream(uid: string) {
  localOwners.delete(uid)
}

function pruneLocalOwners() {
  const now = Date.now()
  for (const [uid, entry] of localOwners) if (entry.expiresAt < now) localOwners.delete(uid)
}

/** Whether `principal` opened the stream `uid` (on this instance or, per Redis, another). */
export async function ownsStream(uid: string, principal: string) {
  const local = localOwner(uid)
  if (local) return local === principal
  try {
    return (await redis.get(keyOf(uid))) === principal
  } catch {
    return false
  }
}

function localOwner(uid: string) {
  const entry = localOwners.get(uid)
  if (!entry) return null
  if (entry.expiresAt < Date.now()) {
    localOwners.delete(uid)
    return null
  }
  return entry.principal
}
