import { test } from '@japa/runner'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { siteRequest } from '#tests/helpers/site_client'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { isLoopbackDomain, publicFunnelUrl, publicSiteUrl } from '#services/public_url'
import type Workspace from '#models/workspace'
import ace from '@adonisjs/core/services/ace'
import DemoSeed from '../../../commands/demo_seed.js'
import { route } from '#tests/helpers/routes'

const port = () => new URL(serverUrl()).port

async function shop() {
  const tenant = await createTenant({ workspaceSlug: 'acme' })
  const funnel = await FunnelFactory.merge({
    workspaceId: tenant.workspace.id,
    slug: 'black-friday',
    isActive: true,
  }).create()
  await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    orderIndex: 0,
    slug: 'inscricao',
    isActive: true,
  }).create()
  await publish(funnel)
  return { ...tenant, funnel }
}

function withDomain(workspace: Workspace, verified: boolean) {
  return workspace.merge({
    customDomain: 'ofertas.acme.com.br',
    customDomainToken: 'c'.repeat(32),
    customDomainVerifiedAt: verified ? DateTime.now() : null,
  })
}

test.group('Public links: one function builds them', (group) => {
  freshDatabase(group)

  test('development: the scheme and port of the request, on {slug}.localhost', async ({
    assert,
  }) => {
    const { workspace } = await shop()
    assert.isTrue(isLoopbackDomain('localhost'))
    assert.isTrue(isLoopbackDomain('dev.localhost'))
    assert.isFalse(isLoopbackDomain('funil.site'))
    assert.isFalse(isLoopbackDomain('localhost.com.br'))

    const via = { protocol: 'http:', port: '3333' } as const
    assert.equal(
      publicFunnelUrl(workspace, 'black-friday', null, { via }),
      'http://acme.localhost:3333/black-friday'
    )
    assert.equal(
      publicFunnelUrl(workspace, 'black-friday', 'inscricao', { via }),
      'http://acme.localhost:3333/black-friday/inscricao'
    )
    assert.equal(
      publicSiteUrl(workspace, '/x', { via: { protocol: 'https:', port: '' } }),
      'https://acme.localhost/x'
    )
    /** No request (a worker's e-mail, demo:seed): APP_URL's scheme and port. */
    assert.equal(publicSiteUrl(workspace), `http://acme.localhost:${port()}`)
    /** A verified custom domain does not point at this machine: development keeps localhost. */
    withDomain(workspace, true)
    assert.equal(publicSiteUrl(workspace, '', { via }), 'http://acme.localhost:3333')
  })

  test('production: https on the verified custom domain, else {slug}.{PUBLIC_DOMAIN}', async ({
    assert,
  }) => {
    const { workspace } = await shop()
    const options = {
      publicDomain: 'funil.site',
      via: { protocol: 'http:', port: '3333' },
    } as const
    assert.equal(
      publicFunnelUrl(workspace, 'black-friday', null, options),
      'https://acme.funil.site/black-friday',
      'no custom domain; the request port means nothing behind Caddy'
    )
    withDomain(workspace, false)
    assert.equal(
      publicFunnelUrl(workspace, 'black-friday', 'inscricao', options),
      'https://acme.funil.site/black-friday/inscricao',
      'a pending domain serves nothing: never linked'
    )
    withDomain(workspace, true)
    assert.equal(
      publicFunnelUrl(workspace, 'black-friday', 'inscricao', options),
      'https://ofertas.acme.com.br/black-friday/inscricao'
    )
    assert.equal(
      publicSiteUrl(workspace, '/_funil/pay/tok', { publicDomain: 'funil.site' }),
      'https://ofertas.acme.com.br/_funil/pay/tok'
    )
  })

  test('the API publicUrl (funnel and steps) opens the funnel page', async ({ client, assert }) => {
    const { owner, workspace, funnel } = await shop()
    const token = await apiToken(owner, workspace)

    const list = await client.get(route('api.funnels.index')).bearerToken(token)
    list.assertStatus(200)
    const url = `http://acme.localhost:${port()}/black-friday`
    assert.equal(list.body().data[0].publicUrl, url)

    const detail = await client.get(route('api.funnels.show', { id: funnel.id })).bearerToken(token)
    detail.assertStatus(200)
    assert.equal(detail.body().funnel.publicUrl, url)
    assert.equal(detail.body().funnel.steps[0].publicUrl, `${url}/inscricao`)

    /** What the link says is what answers: its host and path serve the funnel's page. */
    const link = new URL(detail.body().funnel.steps[0].publicUrl)
    const page = await siteRequest(link.host, link.pathname)
    assert.equal(page.status, 200)
    assert.equal(link.port, port())

    /** A pending custom domain changes nothing; development never links a custom domain. */
    await withDomain(workspace, false).save()
    const pending = await client
      .get(route('api.funnels.show', { id: funnel.id }))
      .bearerToken(token)
    assert.equal(pending.body().funnel.publicUrl, url)
  })

  test('the builder shows the same link, and the slug hint starts with it', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel } = await shop()
    const show = await asInertia(
      client.get(route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id }))
    ).loginAs(owner)
    show.assertStatus(200)
    const props = show.body().props
    assert.equal(props.funnel.publicUrl, `http://acme.localhost:${port()}/black-friday`)
    assert.equal(props.siteUrl, `http://acme.localhost:${port()}`)

    const index = await asInertia(
      client.get(route('w.funnels.index', { workspaceSlug: workspace.slug }))
    ).loginAs(owner)
    index.assertStatus(200)
    assert.equal(index.body().props.funnels.data[0].publicUrl, props.funnel.publicUrl)
  })

  test('demo:seed prints the demo funnel address the npm start banner shows, and it opens', async ({
    assert,
  }) => {
    const command = await ace.create(DemoSeed, [])
    command.ui.switchMode('raw')
    await command.exec()
    command.assertSucceeded()
    const line = command.ui.logger
      .getLogs()
      .map((log) => log.message)
      .find((message) => message.includes('Funil demo:'))
    const url = `http://demo.localhost:${port()}/black-friday`
    assert.equal(line, `Funil demo: demo /black-friday → ${url}`)
    const page = await siteRequest(new URL(url).host, new URL(url).pathname)
    assert.equal(page.status, 200)
  })
})
