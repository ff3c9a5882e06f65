import type { ApiRequest } from '@japa/api-client'

/**
 * The assets version the server expects. Tests always run on the Vite dev server
 * (config/vite.ts), for which @adonisjs/inertia uses the version "1".
 */
const ASSETS_VERSION = '1'

/**
 * Makes an admin request the way the Inertia client does (JSON page object instead of HTML),
 * with the current assets version so the server does not answer 409.
 */
export function asInertia(request: ApiRequest) {
  return request.header('x-inertia', 'true').header('x-inertia-version', ASSETS_VERSION)
}
