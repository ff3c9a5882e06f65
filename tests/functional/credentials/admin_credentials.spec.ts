import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, createTenant, workspaceMember } from '#tests/helpers/tenants'
import Credential from '#models/credential'
import {
  assertNoSecret,
  credentialOf,
  expectStatus,
  secretKey,
  withPrivateUrlsRefused,
} from './fixtures.js'
import { route } from '#tests/helpers/routes'

test.group('Admin credentials page', (group) => {
  freshDatabase(group)

  test('shows every credential masked, and the services with their base URLs', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const apiKey = secretKey()
    const apiSecret = secretKey('whsec_')
    const metaKey = secretKey('EAAB')
    const skalepay = await credentialOf(workspace, { apiKey, apiSecret })
    await credentialOf(workspace, {
      service: 'meta_capi',
      name: 'Meta',
      apiKey: metaKey,
      settings: { pixelId: '123456789012345' },
    })

    const response = await asInertia(
      client.get(route('w.credentials.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    response.assertStatus(200)
    const { component, props } = response.body()
    assert.equal(component, 'credentials/index')
    assert.lengthOf(props.credentials, 2)
    const shown = props.credentials.find((credential: any) => credential.id === skalepay.id)
    assert.equal(shown.apiKeyMasked, `sk_live_…${apiKey.slice(-4)}`)
    assert.equal(shown.apiSecretMasked, `whsec_…${apiSecret.slice(-4)}`)
    assertNoSecret(assert, response.body(), apiKey, apiSecret, metaKey)
    assert.deepInclude(props.services, {
      key: 'skalepay',
      defaultUrl: 'https://api.conta.skalepay.com.br/v1',
    })
    assert.deepInclude(props.services, { key: 'dataget', defaultUrl: null })
  })

  test('the full HTML page holds no secret either', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const apiKey = secretKey()
    await credentialOf(workspace, { apiKey })
    const response = await client
      .get(route('w.credentials.index', { workspaceSlug: workspace.slug }))
      .loginAs(owner)
    response.assertStatus(200)
    assert.include(response.text(), `sk_live_…${apiKey.slice(-4)}`)
    assertNoSecret(assert, response.text(), apiKey)
  })

  test('creates, updates (keeping the secret) and deletes with the API actions', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const base = route('w.credentials.index', { workspaceSlug: workspace.slug })
    const apiKey = secretKey()

    const created = await asInertia(
      client
        .post(base)
        .header('referer', base)
        .json({
          service: 'tiktok_events',
          name: 'TikTok loja',
          apiKey,
          apiSecret: '',
          apiUrl: '',
          settings: { pixelCode: 'c4abcdef1234567890ab', testEventCode: '' },
          isActive: 'true',
        })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    created.assertStatus(302)
    created.assertFlashMessage('success', 'Credencial criada')
    assertNoSecret(assert, created.flashMessages(), apiKey)
    const credential = await Credential.findByOrFail('workspace_id', workspace.id)
    assert.equal(credential.apiKey, apiKey)
    assert.isNull(credential.apiSecret)
    assert.deepEqual(credential.settings, {
      pixelCode: 'C4ABCDEF1234567890AB',
      testEventCode: null,
    })
    assert.equal(credential.createdBy, owner.id)

    const updated = await asInertia(
      client
        .put(`${base}/${credential.id}`)
        .header('referer', base)
        .json({
          name: 'TikTok principal',
          apiKey: '',
          apiSecret: '',
          settings: { pixelCode: 'C4ABCDEF1234567890AB', testEventCode: 'TEST42' },
          isActive: 'false',
        })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    updated.assertStatus(303)
    await credential.refresh()
    assert.equal(credential.name, 'TikTok principal')
    assert.equal(credential.apiKey, apiKey, 'an empty key keeps the stored one')
    assert.equal(credential.settings.testEventCode, 'TEST42')
    assert.isFalse(credential.isActive)

    const deleted = await asInertia(
      client
        .delete(`${base}/${credential.id}`)
        .header('referer', base)
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    deleted.assertStatus(303)
    assert.isNull(await Credential.find(credential.id))
  })

  test('invalid input goes back with field errors and the key is not kept in the session', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const base = route('w.credentials.index', { workspaceSlug: workspace.slug })
    const apiKey = secretKey()
    await withPrivateUrlsRefused(async () => {
      const response = await asInertia(
        client
          .post(base)
          .header('referer', base)
          .json({
            service: 'skalepay',
            name: 'SkalePay',
            apiKey,
            apiUrl: 'https://169.254.169.254/latest',
          })
          .withCsrfToken()
          .loginAs(owner)
          .redirects(0)
      )
      response.assertStatus(302)
      assert.deepEqual(
        (response.flashMessages().inputErrorsBag as Record<string, string[]>).apiUrl,
        ['Endereços internos, locais ou de rede privada não são permitidos']
      )
      assertNoSecret(assert, response.flashMessages(), apiKey)
    })
    assert.lengthOf(await Credential.all(), 0)
  })

  test("another workspace's page and credentials are a 404", async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await credentialOf(other.workspace)
    await expectStatus(
      asInertia(
        client
          .get(route('w.credentials.index', { workspaceSlug: other.workspace.slug }))
          .loginAs(owner)
      ),
      404
    )
    for (const request of [
      client
        .put(route('w.credentials.update', { workspaceSlug: workspace.slug, id: foreign.id }))
        .json({ name: 'Roubada' }),
      client.delete(
        route('w.credentials.destroy', { workspaceSlug: workspace.slug, id: foreign.id })
      ),
    ]) {
      const response = await asInertia(request.withCsrfToken().loginAs(owner).redirects(0))
      response.assertStatus(404)
    }
    await foreign.refresh()
    assert.equal(foreign.name, 'SkalePay produção')
  })

  test('viewers see masked keys, no write permission, and get 403 on writes', async ({
    client,
    assert,
  }) => {
    const { agency, workspace } = await createTenant()
    const apiKey = secretKey()
    const credential = await credentialOf(workspace, { apiKey })
    const base = route('w.credentials.index', { workspaceSlug: workspace.slug })
    for (const viewer of [
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'viewer'),
    ]) {
      const page = await asInertia(client.get(base).loginAs(viewer))
      page.assertStatus(200)
      assert.isFalse(page.body().props.workspace.can.write)
      assertNoSecret(assert, page.body(), apiKey)

      for (const request of [
        client.post(base).json({ service: 'utmify', name: 'UTMify', apiKey: secretKey() }),
        client.put(`${base}/${credential.id}`).json({ name: 'Outro' }),
        client.delete(`${base}/${credential.id}`),
      ]) {
        const response = await asInertia(request.withCsrfToken().loginAs(viewer).redirects(0))
        response.assertStatus(403)
      }
    }
    await credential.refresh()
    assert.equal(credential.name, 'SkalePay produção')
    assert.lengthOf(await Credential.all(), 1)
  })
})
