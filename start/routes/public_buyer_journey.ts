import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { SITE_PREFIX } from '#services/site_host'

const PublicBuyerJourneyController = () => import('#controllers/public/buyer_journey_controller')

/**
 * The buyer's journey on workspace hosts (before the funnel pages): the checkout's pre-fill
 * from the capture step's lead or the buyer's own earlier payment.
 */
router
  .group(() => {
    router
      .get('/_funil/checkout/:stepId/prefill', [PublicBuyerJourneyController, 'prefill'])
      .where('stepId', router.matchers.number())
      .use(middleware.publicThrottle({ name: 'checkout_prefill', requests: 60 }))
      .as('checkout.prefill')
    router
      .post('/_funil/checkout/:stepId/session', [PublicBuyerJourneyController, 'saveSession'])
      .where('stepId', router.matchers.number())
      .use(middleware.publicThrottle({ name: 'checkout_sessions', requests: 60 }))
      .as('checkout.session')
    router.get('/_funil/order/:token', [PublicBuyerJourneyController, 'order']).as('order')
  })
  .prefix(SITE_PREFIX)
  .as('site.buyer_journey')
  .use(middleware.publicWorkspace())
