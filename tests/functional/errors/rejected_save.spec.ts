import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { createTenant } from '#tests/helpers/tenants'
import { checkoutFunnel } from '#tests/functional/checkout/helpers'
import CheckoutConfig from '#models/checkout_config'
import { route } from '#tests/helpers/routes'

/**
 * Issue 20 item 3: an editor's save sent after the session expired must not look saved. Shield's
 * redirect-back was followed by the Inertia client as a success ("Tudo salvo"); a 419 JSON
 * without the X-Inertia header reaches the page's onHttpException and the form is kept.
 */
test.group('Errors: an Inertia save the server rejects', (group) => {
  freshDatabase(group)

  test('expired session: 419 JSON with a pt-BR message, nothing saved, no redirect', async ({
    client,
    assert,
  }) => {
    const { workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace, { withConfig: true })
    const before = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    // No cookie at all: the session (and its CSRF secret) is gone, as after expiry.
    const response = await asInertia(
      client
        .put(
          route('w.checkout.update', {
            workspaceSlug: workspace.slug,
            funnelId: funnel.id,
            stepId: checkout.id,
          })
        )
        .json({ productName: 'Nunca salvo' })
        .redirects(0)
    )
    response.assertStatus(419)
    assert.isUndefined(response.header('x-inertia'))
    assert.isUndefined(response.header('location'))
    assert.equal(response.body().code, 'session_expired')
    assert.include(response.body().message, 'Sua sessão expirou e nada foi salvo')
    assert.equal(response.body().loginUrl, route('session.create'))
    const after = await CheckoutConfig.query().where('step_id', checkout.id).firstOrFail()
    assert.equal(after.productName, before.productName)
  })

  test('signed in with a stale token: 419 JSON saying the page expired', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, checkout } = await checkoutFunnel(workspace, { withConfig: true })
    const response = await asInertia(
      client
        .put(
          route('w.checkout.update', {
            workspaceSlug: workspace.slug,
            funnelId: funnel.id,
            stepId: checkout.id,
          })
        )
        .json({ productName: 'Nunca salvo' })
        .header('x-xsrf-token', 'stale')
        .loginAs(owner)
        .redirects(0)
    )
    response.assertStatus(419)
    assert.equal(response.body().code, 'csrf')
    assert.include(response.body().message, 'A página expirou e nada foi salvo')
  })
})
