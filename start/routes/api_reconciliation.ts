import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'

/** The reconciliation report of the token's workspace (figures per day and mismatches). */
router
  .get('/api/reconciliation', [controllers.api.Reconciliation, 'index'])
  .as('api.reconciliation.index')
  .use([middleware.apiAuth(), middleware.apiWorkspace()])
