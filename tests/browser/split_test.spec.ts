import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { funnelWithSteps, VALID_CONTENT } from '#tests/functional/funnels/helpers'
import { publish } from '#tests/helpers/publish'
import { EventBuffer } from '#services/event_buffer'
import FlushVisitorEvents from '#actions/tracking/flush_visitor_events'
import SplitTestVariant from '#models/split_test_variant'
import queue from '#services/queue'
import env from '#start/env'
import { waitUntil } from '#tests/helpers/wait_until'

const B_HEADLINE = 'Headline da variante B'

test.group('A/B split test in Chromium', (group) => {
  freshDatabase(group)
  group.each.setup(async () => {
    await queue.connection().del(new EventBuffer().key)
  })

  test('create a split test in the builder; two visitors get the two variants; declare the winner', async ({
    visit,
    browser,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-ab' })
    const { funnel, steps } = await funnelWithSteps(
      workspace,
      ['capture', 'checkout', 'thankyou'],
      { slug: 'lancamento' }
    )
    await publish(funnel)
    await browserContext.loginAs(owner)
    const builder = await visit(`/w/${workspace.slug}/funnels/${funnel.id}?step=${steps[0].id}`)

    /** Start: control (the step) and B (a copy), 50/50. */
    await builder.locator('[data-test="split-start"]').click()
    await builder.locator('[data-test="split-running"]').waitFor()
    await builder.assertTextContains('[data-test="split-variant-name-0"]', 'Controle (A)')
    await builder.assertTextContains('[data-test="split-variant-name-1"]', 'Variante B')

    /** B gets its own headline. */
    await builder.locator('[data-test="split-edit-1"]').click()
    const dialog = builder.locator('[data-test="split-variant-dialog"]')
    await dialog.locator('[data-test="content-headline"]').fill(B_HEADLINE)
    await dialog.locator('[data-test="split-variant-save"]').click()
    await dialog.waitFor({ state: 'detached' })
    const challenger = await waitUntil(
      async () => {
        const variant = await SplitTestVariant.query().where('is_control', false).first()
        return variant?.content?.headline === B_HEADLINE ? variant : null
      },
      { message: 'the variant content was never saved' }
    )

    /** All new traffic to A, so the first visitor lands on A for sure. */
    const setWeights = async (a: string, b: string) => {
      await builder.locator('[data-test="split-weight-0"]').fill(a)
      await builder.locator('[data-test="split-weight-1"]').fill(b)
      await builder.locator('[data-test="split-save-weights"]').click()
      await waitUntil(
        async () => {
          const rows = await SplitTestVariant.query().orderBy('id')
          return rows.map((v) => v.weight).join('/') === `${a}/${b}`
        },
        { message: `weights ${a}/${b} were never saved` }
      )
    }
    await setWeights('100', '0')

    const host = `http://loja-ab.localhost:${env.get('PORT', 3334)}`
    const first = await browser.newContext()
    const second = await browser.newContext()
    try {
      const visitorA = await first.newPage()
      await visitorA.goto(`${host}/lancamento`)
      await visitorA.locator('h1', { hasText: VALID_CONTENT.capture.headline as string }).waitFor()

      /** Now all new traffic to B: the second browser gets B, the first keeps A. */
      await setWeights('0', '100')
      const visitorB = await second.newPage()
      await visitorB.goto(`${host}/lancamento`)
      await visitorB.locator('h1', { hasText: B_HEADLINE }).waitFor()
      await visitorA.reload()
      await visitorA.locator('h1', { hasText: VALID_CONTENT.capture.headline as string }).waitFor()
      assert.notInclude(await visitorA.content(), B_HEADLINE)

      /** The pages' beacons carry their variant: one visitor per variant in the results. */
      await waitUntil(
        async () => {
          await FlushVisitorEvents.handle()
          const rows = await db
            .from('visitor_events')
            .where('workspace_id', workspace.id)
            .whereNotNull('split_variant_id')
            .countDistinct('split_variant_id as variants')
          return Number(rows[0].variants) === 2
        },
        { message: 'the beacons never recorded both variants' }
      )
      await builder.reload()
      const results = builder.locator('[data-test="split-results-table"]')
      await results.waitFor()
      await builder.assertTextContains(`[data-test="split-result-${challenger.id}"]`, 'Variante B')
      assert.equal(
        await builder
          .locator(`[data-test="split-result-${challenger.id}"] [data-test="split-visitors"]`)
          .textContent(),
        '1'
      )
      await builder.locator('[data-test="split-chart"]').waitFor()
      await builder.assertTextContains('[data-test="split-method"]', 'bayesiana')

      /** "Declarar vencedor": B becomes the step, and visitor A now sees it too. */
      await builder.locator('[data-test="split-winner-1"]').click()
      await builder.locator('[data-test="split-confirm-winner"]').click()
      await builder.locator('[data-test="split-running"]').waitFor({ state: 'detached' })
      await builder.locator('[data-test="split-start"]').waitFor()
      await waitUntil(
        async () => (await SplitTestVariant.findOrFail(challenger.id)).status === 'winner',
        { message: 'the winner was never recorded' }
      )
      await visitorA.reload()
      await visitorA.locator('h1', { hasText: B_HEADLINE }).waitFor()
    } finally {
      await first.close()
      await second.close()
    }
  })
})
