import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const ApiTokensController = () => import('#controllers/admin/api_tokens_controller')

/**
 * API tokens of the signed-in user for one workspace (issue 15): list, create (shown once),
 * revoke. Another workspace's slug or token id is a 404.
 */
router
  .group(() => {
    router.get('/settings/api-tokens', [ApiTokensController, 'index']).as('settings.api_tokens')
    router
      .post('/settings/api-tokens', [ApiTokensController, 'store'])
      .as('settings.api_tokens.store')
    router
      .delete('/settings/api-tokens/:id', [ApiTokensController, 'destroy'])
      .as('settings.api_tokens.destroy')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
