import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'
import { SITE_PREFIX } from '#services/site_host'

router.get('/health/live', [controllers.Health, 'live']).as('health.live')
router.get('/health/ready', [controllers.Health, 'ready']).as('health.ready')

/**
 * Caddy's on-demand TLS asks here before issuing a certificate (Caddyfile at the repo root). On
 * a tenant host the site-host middleware prefixes the path with SITE_PREFIX, and in docker
 * compose Caddy reaches the app as `web:3333`, which is one: the same action answers there too
 * (registered before the public routes, so no funnel slug shadows it; none starts with `_`).
 */
router.get('/_caddy/ask', [controllers.Caddy, 'ask']).as('caddy.ask')
router.get(`${SITE_PREFIX}/_caddy/ask`, [controllers.Caddy, 'ask']).as('caddy.ask_on_site_host')
