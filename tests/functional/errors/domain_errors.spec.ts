import { test } from '@japa/runner'
import { CredentialFactory } from '#database/factories/credential_factory'
import Payment from '#models/payment'
import { t } from '#services/i18n'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { siteRequest } from '#tests/helpers/site_client'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { funnelWithSteps } from '#tests/functional/funnels/helpers'
import { BUYER, aPayment, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { SkalePayStub } from '#tests/functional/payments/skalepay_stub'
import { route } from '#tests/helpers/routes'

/** A sendBeacon body nested deeper than any page script sends (BODY_MAX_DEPTH is 32). */
const TOO_DEEP = `${'['.repeat(40)}${']'.repeat(40)}`

/**
 * One error vocabulary (issue 22 item 5): a DomainError (rule, dictionary key, status, field)
 * thrown by an action or a controller is rendered once, by the exception handler, with one
 * content-negotiation rule — JSON `{ errors: [{ field?, rule, message }] }` for the API and for
 * scripts that ask for JSON, a page / a flash / a form error otherwise; messages in pt-BR.
 */
test.group('Domain errors: one rendering', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('API: the status and { errors: [{ field, rule, message }] } in pt-BR', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await funnelWithSteps(workspace)
    const response = await client
      .put(route('api.steps.reorder', { funnel_id: funnel.id }))
      .bearerToken(await apiToken(owner, workspace))
      .json({ ids: [999_999] })
    response.assertStatus(422)
    assert.deepEqual(response.body(), {
      errors: [{ field: 'ids', rule: 'step_order', message: t('pt-BR', 'validation.step_order') }],
    })
    assert.match(response.body().errors[0].message, /etapas/i)
  })

  test('API: a conflict without a field is its status, rule and message', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await sellingFunnel(workspace)
    await aPayment(workspace, { funnelId: funnel.id })
    const response = await client
      .delete(route('api.funnels.destroy', { id: funnel.id }))
      .bearerToken(await apiToken(owner, workspace))
    response.assertStatus(409)
    assert.deepEqual(response.body(), {
      errors: [{ rule: 'funnel_has_payments', message: t('pt-BR', 'funnels.errors.has_payments') }],
    })
  })

  test('admin (Inertia): a field error goes back to the form like a failed validation', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await funnelWithSteps(workspace)
    const response = await asInertia(
      client
        .put(route('w.steps.reorder', { workspaceSlug: workspace.slug, funnelId: funnel.id }))
        .json({ ids: [999_999] })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    /** Inertia's 303 after a PUT/DELETE, back to the form. */
    response.assertStatus(303)
    assert.deepEqual(response.flashMessages().inputErrorsBag, {
      ids: [t('pt-BR', 'validation.step_order')],
    })
  })

  test('admin (Inertia): a conflict stays on the page with the message flashed', async ({
    client,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await sellingFunnel(workspace)
    await aPayment(workspace, { funnelId: funnel.id })
    const response = await asInertia(
      client
        .delete(route('w.funnels.destroy', { workspaceSlug: workspace.slug, id: funnel.id }))
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    response.assertStatus(303)
    response.assertFlashMessage('error', t('pt-BR', 'funnels.errors.has_payments'))
  })

  test('admin: another workspace id stays a bare 404 on a write, a branded page on a GET', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const { funnel } = await funnelWithSteps(other.workspace)
    const write = await asInertia(
      client
        .put(route('w.steps.reorder', { workspaceSlug: workspace.slug, funnelId: funnel.id }))
        .json({ ids: [] })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    write.assertStatus(404)
    const page = await asInertia(
      client
        .get(route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id }))
        .loginAs(owner)
    )
    page.assertStatus(404)
    assert.equal(page.body().component, 'errors/not_found')
  })

  test('funnel host: JSON for a script, the branded page for a plain request', async ({
    assert,
  }) => {
    const { workspace } = await createTenant()
    const host = `${workspace.slug}.localhost`
    const json = await siteRequest(host, '/_funil/e', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'accept': 'application/json' },
      body: TOO_DEEP,
    })
    assert.equal(json.status, 422)
    assert.deepEqual(JSON.parse(json.body), {
      errors: [{ rule: 'depth', message: t('pt-BR', 'input.too_deep') }],
    })

    const html = await siteRequest(host, '/_funil/e', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'accept': 'text/html' },
      body: TOO_DEEP,
    })
    assert.equal(html.status, 422)
    assert.match(String(html.headers['content-type']), /text\/html/)
    assert.include(html.body, '<html lang="pt-BR"')
    assert.include(html.body, t('pt-BR', 'pay_page.error_title'))
    assert.include(html.body, t('pt-BR', 'input.too_deep'))
  })
})

test.group('Domain errors: a gateway failure, one mapping', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test("API: 502 `gateway` with the reason in pt-BR, never the gateway's words", async ({
    client,
    assert,
  }) => {
    const stub = await SkalePayStub.start()
    try {
      const { owner, workspace } = await createTenant()
      await CredentialFactory.merge({
        workspaceId: workspace.id,
        service: 'skalepay',
        apiKey: 'sk_test_revoked',
        apiUrl: stub.apiUrl,
      }).create()
      const { funnel, checkout } = await sellingFunnel(workspace)
      const response = await client
        .post(route('api.payments.create'))
        .bearerToken(await apiToken(owner, workspace))
        .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
      response.assertStatus(502)
      assert.deepEqual(response.body(), {
        errors: [
          {
            rule: 'gateway',
            message: t('pt-BR', 'payments.gateway_error.invalid_credentials'),
          },
        ],
      })
    } finally {
      await stub.close()
    }
  })

  test('admin "Reconsultar gateway": the same failure flashed on the payment page', async ({
    client,
  }) => {
    const stub = await SkalePayStub.start()
    try {
      const { owner, workspace } = await createTenant()
      const credential = await CredentialFactory.merge({
        workspaceId: workspace.id,
        service: 'skalepay',
        apiKey: 'sk_test_valid',
        apiUrl: stub.apiUrl,
      }).create()
      const { funnel, checkout } = await sellingFunnel(workspace)
      const created = await client
        .post(route('api.payments.create'))
        .bearerToken(await apiToken(owner, workspace))
        .json({ funnelId: funnel.id, stepId: checkout.id, customer: BUYER })
      created.assertStatus(201)
      const payment = await Payment.findOrFail(created.body().payment.id)
      /** The key is revoked at SkalePay after the charge was made. */
      credential.apiKey = 'sk_test_revoked'
      await credential.save()

      const response = await asInertia(
        client
          .post(route('w.payments.refresh', { workspaceSlug: workspace.slug, id: payment.id }))
          .withCsrfToken()
          .loginAs(owner)
          .redirects(0)
      )
      response.assertStatus(302)
      response.assertFlashMessage('error', t('pt-BR', 'payments.gateway_error.invalid_credentials'))
    } finally {
      await stub.close()
    }
  })
})
