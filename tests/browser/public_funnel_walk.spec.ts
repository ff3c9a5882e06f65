import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { CheckoutConfigFactory } from '#database/factories/checkout_config_factory'
import { EventBuffer } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import Visitor from '#models/visitor'
import VisitorEvent from '#models/visitor_event'
import queue from '#services/queue'
import env from '#start/env'
import { waitUntil } from '#tests/helpers/wait_until'

test.group('Public funnel in Chromium on a *.localhost host', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('a visitor from an ad walks capture → vsl → checkout, tracked with its attribution', async ({
    visit,
    assert,
  }) => {
    const { workspace } = await createTenant({ workspaceSlug: 'loja-ana' })
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      slug: 'black-friday',
    }).create()
    const base = { workspaceId: workspace.id, funnelId: funnel.id }
    await FunnelStepFactory.merge({
      ...base,
      slug: 'inscricao',
      orderIndex: 0,
      content: {
        headline: 'Aula gratuita',
        fields: ['name', 'email'],
        buttonLabel: 'Quero assistir',
      },
    }).create()
    await FunnelStepFactory.merge({
      ...base,
      slug: 'aula',
      stepType: 'vsl',
      orderIndex: 1,
      content: {
        videoUrl: 'https://example.com/aula.mp4',
        ctaLabel: 'Quero minha vaga',
        ctaDelaySeconds: 1,
      },
    }).create()
    const checkout = await FunnelStepFactory.merge({ ...base, slug: 'checkout', orderIndex: 2 })
      .apply('checkout')
      .create()
    await CheckoutConfigFactory.merge({
      ...base,
      stepId: checkout.id,
      productName: 'Curso Primeira Venda',
      productPriceCents: 19700,
    }).create()
    await publish(funnel)

    const host = `http://loja-ana.localhost:${env.get('PORT', 3334)}`
    const page = await visit(`${host}/black-friday?utm_source=facebook&utm_campaign=bf&fbclid=fb1`)
    await page.assertTextContains('h1', 'Aula gratuita')
    await page.locator('input[name="name"]').fill('Ana Souza')
    await page.locator('input[name="email"]').fill('ana@example.com')
    await page.locator('button[type="submit"]').click()

    await page.waitForURL('**/black-friday/aula')
    const cta = page.getByRole('link', { name: 'Quero minha vaga' }).first()
    await cta.waitFor({ state: 'visible', timeout: 10_000 })
    await cta.click()

    await page.waitForURL('**/black-friday/checkout')
    await page.assertTextContains('body', 'Curso Primeira Venda')
    await page.assertTextContains('body', 'R$ 197,00')

    // Beacons were sent by the page itself; the flush job writes them: flush until the
    // checkout's own event is in (never a fixed sleep, too short on a loaded machine).
    await waitUntil(
      async () => {
        await FlushVisitorEvents.handle()
        return VisitorEvent.query()
          .where('workspace_id', workspace.id)
          .where('event_type', 'checkout_view')
          .first()
      },
      { message: 'the checkout_view beacon was never flushed' }
    )
    const visitors = await Visitor.query().where('workspace_id', workspace.id)
    assert.lengthOf(visitors, 1, 'one visitor across the three pages (first-party cookie)')
    const visitor = visitors[0]
    assert.equal(visitor.utmSource, 'facebook')
    assert.equal(visitor.utmCampaign, 'bf')
    assert.equal(visitor.fbclid, 'fb1')
    assert.deepEqual(visitor.lead, { name: 'Ana Souza', email: 'ana@example.com' })
    assert.equal(visitor.currentStepId, checkout.id)
    const types = (
      await VisitorEvent.query().where('visitor_id', visitor.id).orderBy('created_at')
    ).map((e) => e.eventType)
    assert.includeMembers(types, ['page_view', 'form_submit', 'checkout_view'])
  })
})
