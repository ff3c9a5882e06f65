import { isIP } from 'node:net'
import vine from '@vinejs/vine'

/**
 * The one normaliser of what the public sends (beacons, capture forms, checkout, CPF lookup,
 * upsell, gateway webhooks): whatever it lets through, PostgreSQL accepts. PostgreSQL refuses
 * NUL in `text` and in `jsonb`, and a lone UTF-16 surrogate in `jsonb` (`JSON.stringify` writes
 * it as a `\ud800` escape); an id beyond int4 fails its comparison; a non-IP string fails an
 * `inet` cast. Such a value used to be accepted with a 204 and then broke the flush of every
 * workspace, so it is removed or refused here, at the edge.
 */

/** Highest value of a PostgreSQL `integer` (int4) column: every id of ours. */
export const INT4_MAX = 2_147_483_647

/** A beacon body (sendBeacon caps at 64 KiB in browsers too). */
export const BEACON_MAX_BYTES = 64 * 1024

/** One event's free-form `data`, serialised. */
export const DATA_MAX_BYTES = 4 * 1024

/** Nesting of one event's `data` (`{ lead: { name } }` is 2). */
export const DATA_MAX_DEPTH = 5

/**
 * Nesting of any public body: JSON.parse takes 10,000 levels, PostgreSQL's jsonb parser and a
 * recursive walk may not. Far above any form or payload we read.
 */
export const BODY_MAX_DEPTH = 32

/** Longest URL or referrer kept (the rest is cut, the event kept). */
export const URL_MAX_LENGTH = 2000

/**
 * Text PostgreSQL stores: NUL removed, lone surrogates replaced by U+FFFD (what a browser's
 * TextEncoder does), cut to `max` UTF-16 units without splitting a surrogate pair.
 */
export function cleanText(value: string, max?: number) {
  let text = value.includes('\u0000') ? value.replaceAll('\u0000', '') : value
  if (!text.isWellFormed()) text = text.toWellFormed()
  if (max !== undefined && text.length > max) {
    text = text.slice(0, max)
    /** A cut between the halves of a pair leaves a lone high surrogate. */
    if (!text.isWellFormed()) text = text.slice(0, -1)
  }
  return text
}

/** `cleanText` for a value that may not be a string: anything else is null. */
export function textOrNull(value: unknown, max?: number) {
  return typeof value === 'string' ? cleanText(value, max) || null : null
}

/**
 * How deep a parsed JSON value nests (a scalar is 0, `{}` is 1), counted without recursion so
 * that a 10,000-level body cannot overflow the stack; stops counting past `limit`.
 */
export function depthOf(value: unknown, limit = Number.POSITIVE_INFINITY) {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length) {
    const [node, depth] = stack.pop()!
    if (!node || typeof node !== 'object') continue
    if (depth + 1 > deepest) deepest = depth + 1
    if (deepest > limit) return deepest
    for (const child of Object.values(node)) {
      if (child && typeof child === 'object') stack.push([child, depth + 1])
    }
  }
  return deepest
}

/**
 * Keys a JSON body may carry but no input of ours uses, dropped: prototype keys, and
 * `toString` / `valueOf`, with which `{"toString":1}` makes `Number(value)` or `String(value)`
 * throw a TypeError (VineJS's number rule calls `Number` on whatever it gets: a 500).
 */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype', 'toString', 'valueOf'])

/**
 * A parsed JSON value with every string and key cleaned (`cleanText`) and unsafe keys dropped.
 * Call it once the depth is known to be bounded.
 */
export function cleanJson<T>(value: T): T {
  const clean = (node: unknown): unknown => {
    if (typeof node === 'string') return cleanText(node)
    if (!node || typeof node !== 'object') return node
    if (Array.isArray(node)) return node.map(clean)
    const out: Record<string, unknown> = {}
    for (const [key, child] of Object.entries(node)) {
      if (UNSAFE_KEYS.has(key)) continue
      out[cleanText(key)] = clean(child)
    }
    return out
  }
  return clean(value) as T
}

/** True when no string or key holds NUL or a lone surrogate and no key is unsafe (nothing to copy). */
export function isCleanJson(value: unknown) {
  const stack: unknown[] = [value]
  const clean = (text: string) => !text.includes('\u0000') && text.isWellFormed()
  while (stack.length) {
    const node = stack.pop()
    if (typeof node === 'string') {
      if (!clean(node)) return false
    } else if (node && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (!clean(key) || UNSAFE_KEYS.has(key)) return false
        stack.push(child)
      }
    }
  }
  return true
}

/** A positive int4 id, or null: 2147483648, 1e15, 1.5, "12" or {"toString":1} are not ids. */
export function boundedId(value: unknown) {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && value <= INT4_MAX
    ? value
    : null
}

/** An IP address PostgreSQL's `inet` accepts, or null (`X-Forwarded-For: unknown`). */
export function ipOrNull(value: unknown) {
  if (typeof value !== 'string') return null
  const ip = value.trim().replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
  return ip.length <= 45 && isIP(ip) ? ip : null
}

/** A primitive as text for `request.input('x')` reads: objects and arrays are not text. */
export function scalarText(value: unknown, max = 255) {
  if (typeof value === 'string') return cleanText(value, max)
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

/** VineJS: an id of an int4 column (positive, whole, at most 2147483647). */
export const vineId = () => vine.number().withoutDecimals().positive().max(INT4_MAX)

/** Bytes of a string as UTF-8. */
export function byteLength(text: string) {
  return Buffer.byteLength(text, 'utf8')
}
