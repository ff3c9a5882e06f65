import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * The postback deliveries log: every attempt to UTMify, the ad platforms and the agency's
 * webhooks, counts per day and destination (`/stats`), one delivery's request and answer, and
 * "reenviar" (editor role: requireWrite answers 403 for viewers). Another workspace's delivery
 * is a 404.
 */
router
  .group(() => {
    router.get('/', [controllers.api.Deliveries, 'index']).as('index')
    /** Before `/:id`, so "stats" is never read as an id. */
    router.get('/stats', [controllers.api.Deliveries, 'stats']).as('stats')
    router
      .get('/:id', [controllers.api.Deliveries, 'show'])
      .where('id', router.matchers.number())
      .as('show')
    router
      .post('/:id/redeliver', [controllers.api.Deliveries, 'redeliver'])
      .where('id', router.matchers.number())
      .as('redeliver')
  })
  .prefix('/api/postbacks/deliveries')
  .as('api.deliveries')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite()])
