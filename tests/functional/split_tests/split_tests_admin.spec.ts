import { test } from '@japa/runner'
import type { ApiClient } from '@japa/api-client'
import { randomUUID } from 'node:crypto'
import type User from '#models/user'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { asInertia } from '#tests/helpers/inertia'
import { siteRequest } from '#tests/helpers/site_client'
import { funnelWithSteps, VALID_CONTENT } from '#tests/functional/funnels/helpers'
import SplitTest from '#models/split_test'
import SplitTestVariant from '#models/split_test_variant'
import FunnelStep from '#models/funnel_step'
import { EventBuffer } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import queue from '#services/queue'
import { route } from '#tests/helpers/routes'

type Method = 'GET' | 'POST' | 'PUT'

/** An admin request as the browser sends it: session, CSRF token, no redirect following. */
function adminRequest(
  client: ApiClient,
  user: User,
  method: Method,
  url: string,
  body?: Record<string, unknown>
) {
  const request = client.request(url, method).loginAs(user).redirects(0)
  if (method === 'GET') return asInertia(request)
  request.withCsrfToken().header('referer', url)
  return body ? request.json(body) : request
}

async function shop(slug: string) {
  const tenant = await createTenant({ workspaceSlug: slug })
  const built = await funnelWithSteps(tenant.workspace, ['capture', 'checkout', 'thankyou'], {
    slug: 'lancamento',
  })
  return { ...tenant, ...built }
}

test.group('Admin split tests (builder, dashboard, live monitor)', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('the builder starts a test, saves weights and a variant, declares the winner', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, steps } = await shop('loja-a')
    const builder = route('w.funnels.show', { workspaceSlug: workspace.slug, id: funnel.id })
    const started = await adminRequest(
      client,
      owner,
      'POST',
      `${builder}/steps/${steps[0].id}/split-tests`,
      {}
    )
    started.assertStatus(302)
    assert.equal(started.header('location'), `${builder}?step=${steps[0].id}`)
    const splitTest = await SplitTest.query().preload('variants').firstOrFail()
    const [control, challenger] = splitTest.variants.sort((a, b) => a.id - b.id)

    const page = await adminRequest(client, owner, 'GET', builder)
    page.assertStatus(200)
    const [shown] = page.body().props.splitTests
    assert.equal(shown.id, splitTest.id)
    assert.equal(shown.stepName, steps[0].name)
    assert.deepEqual(
      shown.results.variants.map((v: any) => [v.variantId, v.visitors]),
      [
        [control.id, 0],
        [challenger.id, 0],
      ]
    )

    ;(
      await adminRequest(
        client,
        owner,
        'PUT',
        route('w.split_tests.update', { workspaceSlug: workspace.slug, id: splitTest.id }),
        {
          variants: [
            { id: control.id, weight: 30 },
            { id: challenger.id, weight: 70 },
          ],
        }
      )
    ).assertStatus(302)
    ;(
      await adminRequest(
        client,
        owner,
        'PUT',
        route('w.split_tests.variants.update', {
          workspaceSlug: workspace.slug,
          id: splitTest.id,
          variantId: challenger.id,
        }),
        { name: 'Promessa forte', content: { ...VALID_CONTENT.capture, headline: 'Nova' } }
      )
    ).assertStatus(302)
    const saved = await SplitTestVariant.findOrFail(challenger.id)
    assert.equal(saved.weight, 70)
    assert.equal(saved.name, 'Promessa forte')

    ;(
      await adminRequest(
        client,
        owner,
        'POST',
        route('w.split_tests.winner', { workspaceSlug: workspace.slug, id: splitTest.id }),
        {
          variantId: challenger.id,
        }
      )
    ).assertStatus(302)
    assert.equal((await FunnelStep.findOrFail(steps[0].id)).content.headline, 'Nova')

    /** A second start while one runs: a field error and a toast, not a 500. */
    await adminRequest(client, owner, 'POST', `${builder}/steps/${steps[1].id}/split-tests`, {})
    const conflict = await adminRequest(
      client,
      owner,
      'POST',
      `${builder}/steps/${steps[1].id}/split-tests`,
      {}
    )
    conflict.assertStatus(302)
    assert.lengthOf(await SplitTest.query().where('step_id', steps[1].id), 1)
  })

  test("another workspace's funnel, step, test and variant are a 404 on every admin route", async ({
    client,
    assert,
  }) => {
    const mine = await shop('loja-b')
    const theirs = await shop('loja-c')
    const foreign = await SplitTest.create({
      workspaceId: theirs.workspace.id,
      funnelId: theirs.funnel.id,
      stepId: theirs.steps[0].id,
      name: 'Deles',
      status: 'running',
    })
    const foreignVariant = await SplitTestVariant.create({
      workspaceId: theirs.workspace.id,
      splitTestId: foreign.id,
      name: 'B deles',
      weight: 50,
      isControl: false,
      status: 'active',
      content: VALID_CONTENT.capture,
      checkoutConfig: null,
      version: 1,
    })
    await adminRequest(
      client,
      mine.owner,
      'POST',
      route('w.split_tests.store', {
        workspaceSlug: mine.workspace.slug,
        funnelId: mine.funnel.id,
        stepId: mine.steps[0].id,
      }),
      {}
    )
    const own = await SplitTest.query().where('workspace_id', mine.workspace.id).firstOrFail()

    const ws = route('w.root', { workspaceSlug: mine.workspace.slug })
    const calls: Array<[Method, string, Record<string, unknown>]> = [
      ['POST', `${ws}/funnels/${theirs.funnel.id}/steps/${theirs.steps[0].id}/split-tests`, {}],
      ['POST', `${ws}/funnels/${mine.funnel.id}/steps/${theirs.steps[1].id}/split-tests`, {}],
      ['PUT', `${ws}/split-tests/${foreign.id}`, { name: 'x' }],
      ['PUT', `${ws}/split-tests/${foreign.id}/variants/${foreignVariant.id}`, { name: 'x' }],
      ['PUT', `${ws}/split-tests/${own.id}/variants/${foreignVariant.id}`, { name: 'x' }],
      ['POST', `${ws}/split-tests/${foreign.id}/winner`, { variantId: foreignVariant.id }],
    ]
    for (const [method, url, body] of calls) {
      const response = await adminRequest(client, mine.owner, method, url, body)
      assert.equal(response.status(), 404, `${method} ${url}`)
    }
    assert.equal((await SplitTestVariant.findOrFail(foreignVariant.id)).name, 'B deles')
    /** Their workspace slug in the URL is not mine: 404 as well. */
    const otherSlug = await adminRequest(
      client,
      mine.owner,
      'PUT',
      route('w.split_tests.update', { workspaceSlug: theirs.workspace.slug, id: foreign.id }),
      { name: 'x' }
    )
    assert.equal(otherSlug.status(), 404)
  })

  test('the dashboard lists running tests with results; the live monitor names each visitor’s variant', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, steps } = await shop('loja-d')
    await adminRequest(
      client,
      owner,
      'POST',
      route('w.split_tests.store', {
        workspaceSlug: workspace.slug,
        funnelId: funnel.id,
        stepId: steps[0].id,
      }),
      {}
    )
    const splitTest = await SplitTest.query().preload('variants').firstOrFail()
    const challenger = splitTest.variants.find((v) => !v.isControl)!

    /** A visitor on B: its page view beacon carries the variant. */
    await siteRequest('loja-d.localhost', '/_funil/e', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'cookie': 'fd_sid=visitor-on-b-xxxxxxxx' },
      body: JSON.stringify({
        events: [
          {
            id: randomUUID(),
            type: 'page_view',
            funnelId: funnel.id,
            stepId: steps[0].id,
            variantId: challenger.id,
          },
        ],
      }),
    })
    await FlushVisitorEvents.handle()

    const dashboard = await adminRequest(
      client,
      owner,
      'GET',
      route('w.dashboard', { workspaceSlug: workspace.slug })
    )
    dashboard.assertStatus(200)
    const [running] = dashboard.body().props.splitTests
    assert.equal(running.id, splitTest.id)
    const b = running.results.variants.find((v: any) => v.variantId === challenger.id)
    assert.equal(b.visitors, 1)

    const monitor = await adminRequest(
      client,
      owner,
      'GET',
      route('w.monitor.show', { workspaceSlug: workspace.slug })
    )
    monitor.assertStatus(200)
    const props = monitor.body().props
    const visitor = props.online[0]
    assert.equal(props.variantOf[visitor.id], challenger.id)
    assert.deepInclude(props.splitVariants, {
      id: challenger.id,
      name: 'Variante B',
      stepId: steps[0].id,
      isControl: false,
    })
  })

  test('live visitor_online and visitor_step_change carry the variant the visitor sees', async ({
    client,
    assert,
  }) => {
    const { owner, workspace, funnel, steps } = await shop('loja-e')
    await adminRequest(
      client,
      owner,
      'POST',
      route('w.split_tests.store', {
        workspaceSlug: workspace.slug,
        funnelId: funnel.id,
        stepId: steps[1].id,
      }),
      {}
    )
    const splitTest = await SplitTest.query().preload('variants').firstOrFail()
    const challenger = splitTest.variants.find((v) => !v.isControl)!
    const sse = new SseClient(serverUrl(), {
      authorization: `Bearer ${await apiToken(owner, null)}`,
    })
    await sse.connect()
    const beacon = (stepId: number, variantId?: number) =>
      siteRequest('loja-e.localhost', '/_funil/e', {
        method: 'POST',
        headers: { 'content-type': 'text/plain', 'cookie': 'fd_sid=visitor-live-xxxxxxxxx' },
        body: JSON.stringify({
          events: [
            {
              id: randomUUID(),
              type: 'page_view',
              funnelId: funnel.id,
              stepId,
              ...(variantId ? { variantId } : {}),
            },
          ],
        }),
      })
    try {
      assert.equal(await sse.subscribe(`workspaces/${workspace.id}/funnels/${funnel.id}`), 204)
      await beacon(steps[0].id)
      await FlushVisitorEvents.handle()
      const online = await sse.waitFor((m) => m.payload.event === 'visitor_online')
      assert.isNull(online.payload.variantId)

      await beacon(steps[1].id, challenger.id)
      await FlushVisitorEvents.handle()
      const change = await sse.waitFor((m) => m.payload.event === 'visitor_step_change')
      assert.equal(change.payload.stepId, steps[1].id)
      assert.equal(change.payload.variantId, challenger.id)
    } finally {
      sse.close()
    }
  })
})
