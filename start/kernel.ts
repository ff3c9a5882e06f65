/**
 * HTTP kernel: the server-wide middleware (every request), the router middleware (matched
 * routes) and the named middleware that routes opt into.
 */
import router from '@adonisjs/core/services/router'
import server from '@adonisjs/core/services/server'
import { installBoundedFlash } from '#services/bounded_flash'

server.errorHandler(() => import('#exceptions/handler'))

/** Flashed form input never grows the session cookie beyond a small bound (any error path). */
installBoundedFlash()

server.use([
  () => import('#middleware/container_bindings_middleware'),
  () => import('#middleware/site_host_middleware'),
  () => import('@adonisjs/static/static_middleware'),
  () => import('@adonisjs/cors/cors_middleware'),
  () => import('@adonisjs/vite/vite_middleware'),
  () => import('#middleware/inertia_middleware'),
])

/**
 * Every matched route parses its body and knows its language; the signed-in side (admin, API,
 * real time) also gets session, CSRF, auth and Bouncer through the app stack, which the public
 * site (funnel pages and beacons on workspace hosts) skips so it stays cookie-free and cacheable.
 */
router.use([
  () => import('@adonisjs/core/bodyparser_middleware'),
  () => import('#middleware/clean_input_middleware'),
  () => import('#middleware/locale_middleware'),
  () => import('#middleware/app_stack_middleware'),
])

export const middleware = router.named({
  guest: () => import('#middleware/guest_middleware'),
  auth: () => import('#middleware/auth_middleware'),
  workspace: () => import('#middleware/workspace_middleware'),
  apiAuth: () => import('#middleware/api_auth_middleware'),
  apiWorkspace: () => import('#middleware/api_workspace_middleware'),
  requireWrite: () => import('#middleware/require_write_middleware'),
  publicWorkspace: () => import('#middleware/public_workspace_middleware'),
  publicThrottle: () => import('#middleware/public_throttle_middleware'),
  streamOwner: () => import('#middleware/stream_owner_middleware'),
})
