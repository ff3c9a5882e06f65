import type { HttpContext } from '@adonisjs/core/http'

/**
 * The one content-negotiation rule of the app: the JSON API (`/api/…`) always answers JSON; an
 * Inertia visit never does (it wants a page or a redirect); any other request gets JSON when its
 * Accept header prefers JSON to HTML (the public pages' scripts, XHR) and HTML otherwise (a plain
 * form post, a browser, `Accept: *\/*`). The exception handler, the controllers that answer both
 * and the outage answer all ask this.
 */
export function wantsJson({ request }: Pick<HttpContext, 'request'>) {
  if (request.url().startsWith('/api/')) return true
  if (request.header('x-inertia')) return false
  return request.accepts(['html', 'json']) === 'json'
}
