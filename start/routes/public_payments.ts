import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { SITE_PREFIX } from '#services/site_host'

/**
 * The buyer's payment endpoints on workspace hosts (registered before the funnel pages, so these
 * fixed paths win over `/:funnelSlug/:stepSlug`): checkout submission, the PIX page with its
 * status poll and live stream, and the one-click upsell.
 */
router
  .group(() => {
    router
      .post('/_funil/checkout/:stepId', [controllers.public.Payments, 'checkout'])
      .where('stepId', router.matchers.number())
      .use(middleware.publicThrottle({ name: 'pix_charges', requests: 20 }))
      .as('checkout')
    router
      .post('/_funil/checkout/:stepId/coupon', [controllers.public.Payments, 'applyCoupon'])
      .where('stepId', router.matchers.number())
      .use(middleware.publicThrottle({ name: 'coupon_checks', requests: 30 }))
      .as('checkout.coupon')
    router
      .post('/_funil/upsell/:stepId/accept', [controllers.public.Payments, 'acceptUpsell'])
      .where('stepId', router.matchers.number())
      .use(middleware.publicThrottle({ name: 'upsells', requests: 20 }))
      .as('upsell.accept')
    router
      .post('/_funil/cpf', [controllers.public.Payments, 'cpf'])
      .use(middleware.publicThrottle({ name: 'cpf_lookups', requests: 30 }))
      .as('cpf')
    router.get('/_funil/pay/:token', [controllers.public.Payments, 'show']).as('pay')
    router
      .get('/_funil/pay/:token/status', [controllers.public.Payments, 'status'])
      .as('pay.status')
    router
      .get('/_funil/pay/:token/events', [controllers.public.Payments, 'events'])
      .as('pay.events')
  })
  .prefix(SITE_PREFIX)
  .as('site.payments')
  .use(middleware.publicWorkspace())
