import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * LGPD requests under /w/:workspaceSlug (issue 16): find a data subject by e-mail, CPF or
 * phone, export what the workspace holds about them (JSON or CSV), anonymise them. Owners and
 * admins only (the controller refuses other roles with 403). The identifiers travel in POST
 * bodies, never in URLs (access logs, the audit log's path, the browser history).
 */
router
  .group(() => {
    router.get('/lgpd', [controllers.admin.Lgpd, 'index']).as('lgpd.index')
    router.post('/lgpd/search', [controllers.admin.Lgpd, 'search']).as('lgpd.search')
    router.get('/lgpd/search', [controllers.admin.Lgpd, 'redirectToIndex']).as('lgpd.search.show')
    router.post('/lgpd/export', [controllers.admin.Lgpd, 'export']).as('lgpd.export')
    router.post('/lgpd/erase', [controllers.admin.Lgpd, 'erase']).as('lgpd.erase')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace()])
