import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { apiShape } from '#middleware/api_shape_middleware'

/**
 * LGPD requests of the token's workspace (issue 16): find, export, erase a data subject.
 * POST with the identifiers in the body (never in URLs). Owners and admins only; each call is
 * recorded in the audit log.
 */
router
  .group(() => {
    router.post('/search', [controllers.api.Lgpd, 'search']).as('search')
    router.post('/export', [controllers.api.Lgpd, 'export']).as('export')
    router.post('/erase', [controllers.api.Lgpd, 'erase']).as('erase')
  })
  .prefix('/api/lgpd')
  .as('api.lgpd')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite(), apiShape])
