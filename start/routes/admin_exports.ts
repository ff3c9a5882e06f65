import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/**
 * CSV exports under /w/:workspaceSlug (issue 16): the list's CSV streamed now, or a background
 * export with its progress and download. Any member who reads the list may export it (a viewer
 * too: exporting changes nothing); CPFs are whole only for owners and admins. Another
 * workspace's (or another user's) export is a 404.
 */
router
  .group(() => {
    router
      .get('/exports/csv/:kind', [controllers.admin.Exports, 'csv'])
      .where('kind', /^(payments|leads|visitors|deliveries)$/)
      .as('exports.csv')
    router.get('/exports', [controllers.admin.Exports, 'index']).as('exports.index')
    router.post('/exports', [controllers.admin.Exports, 'store']).as('exports.store')
    router
      .get('/exports/:id', [controllers.admin.Exports, 'show'])
      .where('id', router.matchers.number())
      .as('exports.show')
    router
      .get('/exports/:id/download', [controllers.admin.Exports, 'download'])
      .where('id', router.matchers.number())
      .as('exports.download')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace()])
