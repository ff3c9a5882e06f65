import router from '@adonisjs/core/services/router'
import { middleware } from '#start/kernel'
import { controllers } from '#generated/controllers'
import { apiShape } from '#middleware/api_shape_middleware'

/**
 * The seed's payments API. `create`, `status` and the sandbox `mark` are scoped to the token's
 * workspace (writes need the editor role); the gateway's webhook authenticates with the
 * workspace's secret token in the URL instead, so it sits outside the authenticated group.
 */
router
  .group(() => {
    router.post('/create', [controllers.api.Payments, 'create']).as('create')
    router.get('/:id/status', [controllers.api.Payments, 'status']).as('status')
    router.post('/:id/mark', [controllers.api.Payments, 'mark']).as('mark')
  })
  .prefix('/api/payments')
  .as('api.payments')
  .use([middleware.apiAuth(), middleware.apiWorkspace(), middleware.requireWrite(), apiShape])

router
  .group(() => {
    router.post('/webhook', [controllers.webhooks.PaymentWebhooks, 'store']).as('webhook')
    router
      .post('/webhook/:token', [controllers.webhooks.PaymentWebhooks, 'store'])
      .as('webhook.token')
  })
  .prefix('/api/payments')
  .as('api.payments')
