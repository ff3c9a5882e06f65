import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'

const BuyerJourneyController = () => import('#controllers/admin/buyer_journey_controller')
const RecoveryController = () => import('#controllers/admin/recovery_controller')

/**
 * The buyer's journey (issue 14) on the admin: its settings (e-mails, consent, recovery) under
 * /w/:workspaceSlug; another workspace's slug is a 404 (workspace middleware).
 */
router
  .group(() => {
    router
      .put('/settings/buyer-journey', [BuyerJourneyController, 'update'])
      .as('settings.buyer_journey')
    router.get('/recovery', [RecoveryController, 'index']).as('recovery.index')
    router.get('/recovery/export', [RecoveryController, 'export']).as('recovery.export')
  })
  .prefix('/w/:workspaceSlug')
  .as('w')
  .use([middleware.auth(), middleware.workspace(), middleware.requireWrite()])
