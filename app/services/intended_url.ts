import type { HttpContext } from '@adonisjs/core/http'

/** Session key holding the admin page a signed-out visitor asked for. */
export const INTENDED_URL = 'auth.intended_url'

/**
 * Only a path of this site may be stored or followed: it starts with one `/` and not `//` or
 * `/\` (both mean "another host" to a browser), and holds no control characters. Anything else
 * (`https://evil.com`, `//evil.com`) would turn the login form into an open redirect.
 */
export function isSafeRelativePath(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 2048 &&
    value.startsWith('/') &&
    !value.startsWith('//') &&
    !value.startsWith('/\\') &&
    ![...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
  )
}

/**
 * Remembers the page a signed-out GET was for (session expired mid-work, a bookmarked link), so
 * the login lands back there instead of on the first workspace's dashboard. Writes (POST/PUT) are
 * not remembered: replaying them after login would be wrong, and their page is the referer.
 */
export function rememberIntendedUrl({ request, session }: HttpContext) {
  if (request.method() !== 'GET') return
  /** A JSON/API caller is not a person on a page; only full pages and Inertia visits count. */
  if (!request.header('x-inertia') && request.accepts(['html', 'json']) !== 'html') return
  const url = request.url(true)
  if (isSafeRelativePath(url)) session.put(INTENDED_URL, url)
}

/** The stored page (once: it is removed), or null when none was stored or it is not safe. */
export function pullIntendedUrl({ session }: HttpContext): string | null {
  const url = session.pull(INTENDED_URL, null)
  return isSafeRelativePath(url) ? url : null
}
