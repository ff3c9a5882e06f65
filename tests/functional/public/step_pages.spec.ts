import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import { randomUUID } from 'node:crypto'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { TrackingPixelFactory } from '#database/factories/tracking_pixel_factory'
import { EventBuffer } from '#services/event_buffer'
import { TRACKING_SCRIPT } from '#services/tracking_snippets'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import Visitor from '#models/visitor'
import VisitorEvent from '#models/visitor_event'
import queue from '#services/queue'
import { publish } from '#tests/helpers/publish'
import { route } from '#tests/helpers/routes'

async function publishedFunnel(slug = 'acme') {
  const tenant = await createTenant({ workspaceSlug: slug })
  const funnel = await FunnelFactory.merge({
    workspaceId: tenant.workspace.id,
    slug: 'black-friday',
  }).create()
  const capture = await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    slug: 'inscricao',
    orderIndex: 0,
    content: {
      headline: `Aula grátis de ${slug}`,
      fields: ['name', 'email'],
      buttonLabel: 'Quero assistir',
    },
  }).create()
  const vsl = await FunnelStepFactory.merge({
    workspaceId: tenant.workspace.id,
    funnelId: funnel.id,
    slug: 'aula',
    stepType: 'vsl',
    orderIndex: 1,
    content: {
      videoUrl: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      ctaLabel: 'Quero minha vaga',
      ctaDelaySeconds: 5,
    },
  }).create()
  await publish(funnel)
  return { ...tenant, funnel, capture, vsl }
}

test.group('Public site: step pages on workspace hosts', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('/{funnel} opens the first active step, /{funnel}/{step} a given one', async ({
    assert,
  }) => {
    await publishedFunnel()
    const first = await siteRequest('acme.localhost:3334', '/black-friday')
    assert.equal(first.status, 200)
    assert.include(first.body, 'Aula grátis de acme')
    assert.match(first.headers['content-type']!, /text\/html/)

    const vsl = await siteRequest('acme.localhost', '/black-friday/aula')
    assert.equal(vsl.status, 200)
    assert.include(vsl.body, 'youtube')
    assert.include(vsl.body, 'Quero minha vaga')
  })

  test("a workspace's funnel is never served on another workspace's host", async ({ assert }) => {
    await publishedFunnel('acme')
    await createTenant({ workspaceSlug: 'beta' })
    const onBeta = await siteRequest('beta.localhost', '/black-friday')
    assert.equal(onBeta.status, 404)
    assert.include(onBeta.body, 'Página não encontrada')
    assert.notInclude(onBeta.body, 'Aula grátis')
    assert.equal((await siteRequest('nobody.localhost', '/black-friday')).status, 404)
  })

  test('a verified custom domain serves its workspace', async ({ assert }) => {
    const { workspace } = await publishedFunnel()
    await workspace
      .merge({ customDomain: 'ofertas.acme.com.br', customDomainVerifiedAt: DateTime.now() })
      .save()
    const page = await siteRequest('ofertas.acme.com.br', '/black-friday/inscricao')
    assert.equal(page.status, 200)
    assert.include(page.body, 'Aula grátis de acme')
  })

  test('inactive or archived funnels, inactive steps and unknown slugs are a pt-BR 404', async ({
    assert,
  }) => {
    const { funnel, vsl } = await publishedFunnel()
    await vsl.merge({ isActive: false }).save()
    /** Switching a step off is an edit of the draft: it goes offline once published. */
    assert.equal((await siteRequest('acme.localhost', '/black-friday/aula')).status, 200)
    await publish(funnel)
    assert.equal((await siteRequest('acme.localhost', '/black-friday/aula')).status, 404)
    assert.equal((await siteRequest('acme.localhost', '/black-friday/nada')).status, 404)
    assert.equal((await siteRequest('acme.localhost', '/outro-funil')).status, 404)
    await funnel.merge({ archivedAt: DateTime.now() }).save()
    const archived = await siteRequest('acme.localhost', '/black-friday')
    assert.equal(archived.status, 404)
    assert.include(archived.body, 'lang="pt-BR"')
  })

  test('admin paths do not exist on a workspace host', async ({ assert }) => {
    await publishedFunnel()
    for (const path of [
      route('session.create'),
      route('workspaces.index'),
      route('api.auth.me'),
      route('w.dashboard', { workspaceSlug: 'acme' }),
    ]) {
      const response = await siteRequest('acme.localhost', path)
      assert.equal(response.status, 404, path)
    }
  })

  test('pages carry no visitor data: no cookie, an ETag, 304 on revalidation, new HTML after an edit', async ({
    assert,
  }) => {
    const { capture, funnel } = await publishedFunnel()
    const first = await siteRequest('acme.localhost', '/black-friday/inscricao', {
      headers: { cookie: 'fd_sid=abcdefghijklmnopqrstuvwx' },
    })
    assert.isUndefined(first.headers['set-cookie'])
    assert.notInclude(first.body, 'abcdefghijklmnopqrstuvwx')
    const etag = first.headers.etag!
    assert.match(first.headers['cache-control']!, /must-revalidate/)

    const again = await siteRequest('acme.localhost', '/black-friday/inscricao', {
      headers: { 'if-none-match': etag },
    })
    assert.equal(again.status, 304)

    await capture
      .merge({
        content: { ...capture.content, headline: 'Nova chamada' },
        version: capture.version + 1,
      })
      .save()
    /** The edit shows once published (publishing forgets the funnel's resolved pages). */
    await publish(funnel)
    const edited = await siteRequest('acme.localhost', '/black-friday/inscricao', {
      headers: { 'if-none-match': etag },
    })
    assert.equal(edited.status, 200)
    assert.include(edited.body, 'Nova chamada')
  })

  test('the tracking script is tiny and the page config names funnel, step and event', async ({
    assert,
  }) => {
    const { funnel, capture } = await publishedFunnel()
    assert.isBelow(gzipSync(TRACKING_SCRIPT).length, 2048)
    const page = await siteRequest('acme.localhost', '/black-friday')
    const config = JSON.parse(
      /<script id="fd-config" type="application\/json">(.*?)<\/script>/.exec(page.body)![1]
    )
    assert.deepInclude(config, {
      f: funnel.id,
      s: capture.id,
      t: 'page_view',
      u: '/_funil/e',
      l: true,
    })

    const scripts = [
      ...page.body.matchAll(/<script(?![^>]*application\/json)[^>]*>([\s\S]*?)<\/script>/g),
    ]
      .map((m) => m[1])
      .join('')
    assert.isBelow(gzipSync(scripts).length, 30 * 1024, 'a step page ships under 30 KB of JS')
    assert.notInclude(page.body, '/assets/app', 'no admin bundle')
  })

  test('configured pixels are injected and fire with the page event id', async ({ assert }) => {
    const { workspace, funnel, vsl } = await publishedFunnel()
    await TrackingPixelFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      pixelType: 'facebook',
      pixelId: '123456789012345',
    }).create()
    await TrackingPixelFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      stepId: vsl.id,
      pixelType: 'tiktok',
      pixelId: 'CABCDEF123',
      eventName: 'ViewContent',
    }).create()
    await TrackingPixelFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      pixelType: 'google',
      pixelId: 'G-ABC123',
      isActive: false,
    }).create()

    const capturePage = await siteRequest('acme.localhost', '/black-friday/inscricao')
    assert.include(capturePage.body, 'fbq("init","123456789012345")')
    assert.include(capturePage.body, '{eventID:i}')
    assert.notInclude(capturePage.body, 'CABCDEF123', 'a step pixel stays on its step')
    assert.notInclude(capturePage.body, 'G-ABC123', 'inactive pixels are not rendered')

    const vslPage = await siteRequest('acme.localhost', '/black-friday/aula')
    assert.include(vslPage.body, 'ttq.load("CABCDEF123")')
    assert.include(vslPage.body, '"ViewContent"')
    assert.include(vslPage.body, 'event_id:i')
  })

  test('a capture form works without JavaScript and stores the lead on the visitor', async ({
    assert,
  }) => {
    const { workspace } = await publishedFunnel()
    const eventId = randomUUID()
    const response = await siteRequest('acme.localhost', '/black-friday/inscricao', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'referer': 'https://acme.localhost/black-friday?utm_source=instagram',
      },
      body: new URLSearchParams({
        name: 'Ana Souza',
        email: 'ana@example.com',
        fd_event_id: eventId,
      }).toString(),
    })
    assert.equal(response.status, 303)
    assert.equal(response.headers.location, '/black-friday/aula')
    assert.match(String(response.headers['set-cookie']), /fd_sid=/)

    await FlushVisitorEvents.handle()
    const visitor = await Visitor.query().where('workspace_id', workspace.id).firstOrFail()
    assert.deepEqual(visitor.lead, { name: 'Ana Souza', email: 'ana@example.com' })
    assert.equal(visitor.utmSource, 'instagram')
    const event = await VisitorEvent.query().where('visitor_id', visitor.id).firstOrFail()
    assert.equal(event.eventType, 'form_submit')
    assert.equal(event.eventId, eventId, 'the same id as the browser Lead pixel')
  })

  test('an incomplete capture form goes back to the form and stores nothing', async ({
    assert,
  }) => {
    await publishedFunnel()
    const response = await siteRequest('acme.localhost', '/black-friday/inscricao', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=Ana&email=nao-e-email',
    })
    assert.equal(response.status, 302)
    assert.equal(response.headers.location, '/black-friday/inscricao?erro=1')
    assert.equal(await new EventBuffer().backlog(), 0)
  })
})
