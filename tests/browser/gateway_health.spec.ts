import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import PaymentTransition from '#models/payment_transition'
import { CredentialFactory } from '#database/factories/credential_factory'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'
import { aPayment } from '#tests/functional/payments/helpers'

test.group('Gateway health in the admin (Chromium)', (group) => {
  freshDatabase(group)

  test('a failing SkalePay shows the banner on dashboard, funnel and checkout; the attempt reads "Falha no gateway"', async ({
    visit,
    browserContext,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace, { withConfig: true })
    const credential = await CredentialFactory.merge({
      workspaceId: workspace.id,
      service: 'skalepay',
      name: 'SkalePay produção',
      apiKey: 'sk_live_abcdefghijklmnop1234',
    }).create()
    credential.merge({ healthStatus: 'failing', healthError: 'unavailable (HTTP 502)' })
    await credential.save()
    const payment = await aPayment(workspace, { status: 'failed', gateway: 'skalepay' })
    await PaymentTransition.create({
      workspaceId: workspace.id,
      paymentId: payment.id,
      fromStatus: 'pending',
      toStatus: 'failed',
      source: 'checkout',
      details: { reason: 'unavailable', detail: null },
    })
    await browserContext.loginAs(owner)

    const page = await visit(`${serverUrl()}/w/${workspace.slug}/dashboard`)
    for (const path of [
      `/w/${workspace.slug}/dashboard`,
      `/w/${workspace.slug}/funnels/${funnel.id}`,
      `/w/${workspace.slug}/funnels/${funnel.id}/checkout/${checkout.id}`,
    ]) {
      await page.goto(`${serverUrl()}${path}`)
      await page.assertTextContains(
        '[data-test="gateway-health-banner"]',
        'Gateway de pagamento com falhas: SkalePay produção'
      )
    }
    await page.locator('[data-test="gateway-health-link"]').click()
    await page.waitForURL(`**/w/${workspace.slug}/credentials`)
    await page.assertTextContains(
      `[data-test="credential-health-${credential.id}"]`,
      'Falhas repetidas'
    )

    await page.goto(`${serverUrl()}/w/${workspace.slug}/payments`)
    await page.assertTextContains('[data-test="payment-status"]', 'Falha no gateway')
  })
})
