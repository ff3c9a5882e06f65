import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { StubServer } from '#tests/helpers/stub_server'
import { assertNoSecret, withPrivateUrlsRefused } from '#tests/functional/credentials/fixtures'
import WebhookEndpoint from '#models/webhook_endpoint'
import { deliveriesOf, endpointOf, verifiesWith } from './fixtures.js'
import { route } from '#tests/helpers/routes'

test.group('Admin webhooks page', (group) => {
  freshDatabase(group)

  test('lists the endpoints masked, with events, delivery counts and the signature headers', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const endpoint = await endpointOf(workspace, {
      secret: `whsec_${'ab12'.repeat(16)}`,
      events: ['payment.paid', 'lead.created'],
    })
    await deliveriesOf(workspace, endpoint.id, 'succeeded', 2)
    await deliveriesOf(workspace, endpoint.id, 'dead', 1)

    const response = await asInertia(
      client.get(route('w.webhooks.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    response.assertStatus(200)
    const { component, props } = response.body()
    assert.equal(component, 'webhooks/index')
    assert.lengthOf(props.endpoints.data, 1)
    assert.containSubset(props.endpoints.data[0], {
      id: endpoint.id,
      events: ['payment.paid', 'lead.created'],
      secretHint: 'whsec_…ab12',
      deliveries: { succeeded: 2, failed: 0, dead: 1 },
    })
    assert.deepEqual(props.events, [
      'payment.created',
      'payment.paid',
      'payment.refunded',
      'lead.created',
      'gateway.unhealthy',
      'checkout.abandoned',
      'payment.recovered',
    ])
    assert.deepEqual(props.headers, {
      signature: 'x-funil-signature',
      timestamp: 'x-funil-timestamp',
    })
    assert.isNull(props.newSecret)
    assertNoSecret(assert, response.body(), endpoint.secret)

    const html = await client
      .get(route('w.webhooks.index', { workspaceSlug: workspace.slug }))
      .loginAs(owner)
    html.assertStatus(200)
    assertNoSecret(assert, html.text(), endpoint.secret)
  })

  test('creates an endpoint and flashes its secret for the next page view only', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const base = route('w.webhooks.index', { workspaceSlug: workspace.slug })
    const created = await asInertia(
      client
        .post(base)
        .header('referer', base)
        .json({
          name: 'CRM',
          url: 'https://crm.example.com/in',
          events: ['payment.paid', 'payment.refunded'],
          isActive: 'true',
        })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    created.assertStatus(302)
    created.assertFlashMessage('success', 'Webhook criado')
    const endpoint = await WebhookEndpoint.findByOrFail('workspace_id', workspace.id)
    assert.equal(endpoint.name, 'CRM')
    assert.deepEqual(endpoint.events, ['payment.paid', 'payment.refunded'])
    assert.match(endpoint.secret, /^whsec_[0-9a-f]{64}$/)
    assert.deepEqual(created.flashMessages().webhookSecret, {
      endpointId: endpoint.id,
      secret: endpoint.secret,
    })

    /** The redirected page shows it (from the flash); any later view shows the mask only. */
    const shown = await asInertia(
      client
        .get(base)
        .withFlashMessages({ webhookSecret: { endpointId: endpoint.id, secret: endpoint.secret } })
        .loginAs(owner)
    )
    assert.deepEqual(shown.body().props.newSecret, {
      endpointId: endpoint.id,
      secret: endpoint.secret,
    })
    const later = await asInertia(client.get(base).loginAs(owner))
    assert.isNull(later.body().props.newSecret)
    assertNoSecret(assert, later.body(), endpoint.secret)
  })

  test('updates from the whole form; no box checked is a field error', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const endpoint = await endpointOf(workspace)
    const secret = endpoint.secret
    const base = route('w.webhooks.index', { workspaceSlug: workspace.slug })

    const updated = await asInertia(
      client
        .put(`${base}/${endpoint.id}`)
        .header('referer', base)
        .json({
          name: 'ERP 2',
          url: 'https://erp2.example.com/hook',
          events: ['lead.created'],
          isActive: 'false',
        })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    updated.assertStatus(303)
    updated.assertFlashMessage('success', 'Webhook atualizado')
    assert.notProperty(updated.flashMessages(), 'webhookSecret')
    await endpoint.refresh()
    assert.equal(endpoint.name, 'ERP 2')
    assert.deepEqual(endpoint.events, ['lead.created'])
    assert.isFalse(endpoint.isActive)
    assert.equal(endpoint.secret, secret)

    const noEvents = await asInertia(
      client
        .put(`${base}/${endpoint.id}`)
        .header('referer', base)
        .json({ name: 'ERP 3', url: 'https://erp2.example.com/hook', isActive: 'true' })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    noEvents.assertStatus(303)
    assert.deepEqual((noEvents.flashMessages().inputErrorsBag as Record<string, string[]>).events, [
      'Escolha pelo menos um evento',
    ])
    await endpoint.refresh()
    assert.equal(endpoint.name, 'ERP 2')
  })

  test('a private URL goes back with a field error', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const base = route('w.webhooks.index', { workspaceSlug: workspace.slug })
    await withPrivateUrlsRefused(async () => {
      const response = await asInertia(
        client
          .post(base)
          .header('referer', base)
          .json({ name: 'ERP', url: 'https://10.0.0.5/hook', events: ['payment.paid'] })
          .withCsrfToken()
          .loginAs(owner)
          .redirects(0)
      )
      response.assertStatus(302)
      assert.deepEqual((response.flashMessages().inputErrorsBag as Record<string, string[]>).url, [
        'Endereços internos, locais ou de rede privada não são permitidos',
      ])
    })
    assert.lengthOf(await WebhookEndpoint.all(), 0)
  })

  test('rotates the secret (flashed once) and deletes', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const endpoint = await endpointOf(workspace)
    const old = endpoint.secret
    const base = route('w.webhooks.index', { workspaceSlug: workspace.slug })

    const rotated = await asInertia(
      client
        .post(`${base}/${endpoint.id}/rotate-secret`)
        .header('referer', base)
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    rotated.assertStatus(302)
    rotated.assertFlashMessage('success', 'Novo segredo gerado')
    await endpoint.refresh()
    assert.notEqual(endpoint.secret, old)
    assert.deepEqual(rotated.flashMessages().webhookSecret, {
      endpointId: endpoint.id,
      secret: endpoint.secret,
    })

    const deleted = await asInertia(
      client
        .delete(`${base}/${endpoint.id}`)
        .header('referer', base)
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    deleted.assertStatus(303)
    deleted.assertFlashMessage('success', 'Webhook excluído')
    assert.isNull(await WebhookEndpoint.find(endpoint.id))
  })

  test('"Enviar teste" answers JSON and signs with the stored secret', async ({
    client,
    assert,
  }) => {
    const stub = await StubServer.start()
    try {
      stub.on('POST', '/hook', { status: 202, body: 'ok' })
      const { owner, workspace } = await createTenant()
      const endpoint = await endpointOf(workspace, { url: `${stub.url}/hook` })
      const response = await client
        .post(route('w.webhooks.test', { workspaceSlug: workspace.slug, id: endpoint.id }))
        .header('accept', 'application/json')
        .withCsrfToken()
        .loginAs(owner)
      response.assertStatus(200)
      assert.containSubset(response.body(), { ok: true, httpStatus: 202, excerpt: 'ok' })
      assert.lengthOf(stub.requests, 1)
      assert.isTrue(verifiesWith(endpoint.secret, stub.requests[0]))
    } finally {
      await stub.close()
    }
  })

  test("another workspace's page and endpoints are a 404 on every :id route", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await endpointOf(other.workspace, { name: 'Deles' })
    const secret = foreign.secret
    const base = route('w.webhooks.update', { workspaceSlug: workspace.slug, id: foreign.id })

    const page = await asInertia(
      client.get(route('w.webhooks.index', { workspaceSlug: other.workspace.slug })).loginAs(owner)
    )
    page.assertStatus(404)
    for (const request of [
      client
        .put(base)
        .json({ name: 'Roubado', url: 'https://x.example.com', events: ['payment.paid'] }),
      client.delete(base),
      client.post(`${base}/rotate-secret`),
      client.post(`${base}/test`).header('accept', 'application/json'),
    ]) {
      const response = await asInertia(request.withCsrfToken().loginAs(owner).redirects(0))
      response.assertStatus(404)
      assertNoSecret(assert, response.text(), secret)
    }
    await foreign.refresh()
    assert.equal(foreign.name, 'Deles')
    assert.equal(foreign.secret, secret)
  })

  test('viewers see the page without write permission and get 403 on writes', async ({
    client,
    assert,
  }) => {
    const { agency, workspace } = await createTenant()
    const endpoint = await endpointOf(workspace)
    const secret = endpoint.secret
    const base = route('w.webhooks.index', { workspaceSlug: workspace.slug })
    for (const viewer of [
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'viewer'),
    ]) {
      const page = await asInertia(client.get(base).loginAs(viewer))
      page.assertStatus(200)
      assert.isFalse(page.body().props.workspace.can.write)
      assertNoSecret(assert, page.body(), secret)

      for (const request of [
        client
          .post(base)
          .json({ name: 'X', url: 'https://x.example.com', events: ['lead.created'] }),
        client.put(`${base}/${endpoint.id}`).json({ name: 'Outro' }),
        client.delete(`${base}/${endpoint.id}`),
        client.post(`${base}/${endpoint.id}/rotate-secret`),
        client.post(`${base}/${endpoint.id}/test`),
      ]) {
        const response = await asInertia(request.withCsrfToken().loginAs(viewer).redirects(0))
        response.assertStatus(403)
      }
    }
    await endpoint.refresh()
    assert.equal(endpoint.name, 'ERP da agência')
    assert.equal(endpoint.secret, secret)
    assert.lengthOf(await WebhookEndpoint.all(), 1)
  })
})
