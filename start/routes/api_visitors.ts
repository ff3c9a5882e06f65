import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { apiShape } from '#middleware/api_shape_middleware'

/** The seed's monitoring API: visitors (online by default) and a visitor's events. */
router
  .group(() => {
    router.get('/visitors', [controllers.api.Visitors, 'index']).as('visitors.index')
    router.get('/visitors/:id/events', [controllers.api.Visitors, 'events']).as('visitors.events')
  })
  .prefix('/api')
  .as('api')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite(), apiShape])
