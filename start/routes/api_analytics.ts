import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { apiShape } from '#middleware/api_shape_middleware'

/** The dashboard's numbers as JSON (the same action as the admin dashboard page). */
router
  .group(() => {
    router
      .get('/analytics/dashboard', [controllers.api.Analytics, 'dashboard'])
      .as('analytics.dashboard')
  })
  .prefix('/api')
  .as('api')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite(), apiShape])
