import { test } from '@japa/runner'
import type { Page } from 'playwright'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'
import DeleteStep from '#actions/steps/delete_step'
import { funnelWithSteps } from '../functional/funnels/helpers.js'
import { settledBox, waitForAnnouncement } from '#tests/helpers/wait_until'

const STEPS = [
  ['Captura', 'captura', 'capture'],
  ['Aula', 'aula', 'vsl'],
  ['Pagamento', 'pagamento', 'checkout'],
  ['Oferta', 'oferta', 'upsell'],
  ['Obrigado', 'obrigado', 'thankyou'],
] as const

/** The step slugs in the order the list shows them (by `data-position`). */
async function shownOrder(page: Page) {
  const items: Array<{ slug: string; position: number }> = []
  for (const item of await page.locator('[data-test^="step-item-"]').all()) {
    const hook = await item.getAttribute('data-test')
    const position = await item.getAttribute('data-position')
    items.push({ slug: hook!.replace('step-item-', ''), position: Number(position) })
  }
  return items.sort((a, b) => a.position - b.position).map((item) => item.slug)
}

/**
 * Moves a step with the keyboard like a user: focus its handle, Space, arrows, Space. dnd-kit
 * measures the list between key presses, so each press waits for the screen-reader
 * announcement of its result — never for a fixed time, which a loaded machine outruns. The
 * pick-up is "selecionada, na posição p" at once replaced by "movida para a posição p" (over
 * itself): both end in "a posição p".
 */
async function keyboardMove(page: Page, slug: string, key: 'ArrowUp' | 'ArrowDown', times: number) {
  const start =
    Number(await page.locator(`[data-test="step-item-${slug}"]`).getAttribute('data-position')) + 1
  const step = key === 'ArrowUp' ? -1 : 1
  await page.locator(`[data-test="step-drag-handle-${slug}"]`).focus()
  await page.keyboard.press('Space')
  await waitForAnnouncement(page, `a posição ${start}.`)
  for (let moved = 1; moved <= times; moved++) {
    await page.keyboard.press(key)
    await waitForAnnouncement(page, `movida para a posição ${start + step * moved}.`)
  }
  await page.keyboard.press('Space')
  await waitForAnnouncement(page, `solta na posição ${start + step * times}.`)
}

/** The step slugs by order_index, from the database. */
async function savedOrder(funnelId: number) {
  const steps = await FunnelStep.query().where('funnel_id', funnelId).orderBy('order_index')
  return steps.map((step) => step.slug)
}

/** Waits until the database holds `expected` (the save happens after the drop, asynchronously). */
async function waitForSavedOrder(funnelId: number, expected: string[]) {
  const deadline = Date.now() + 10_000
  let current = await savedOrder(funnelId)
  while (JSON.stringify(current) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    current = await savedOrder(funnelId)
  }
  return current
}

test.group('Funnel builder in Chromium', (group) => {
  freshDatabase(group)

  test('create a funnel with five steps, drag the last step to the top, keyboard reorder', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-bia' })
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/funnels`)
    await page.assertTextContains('[data-test="page-title"]', 'Funis')

    await page.locator('[data-test="new-funnel"]').click()
    /** The dialog opens on its gallery: start from a blank funnel. */
    await page.locator('[data-test="template-card-blank"]').click()
    await page.locator('[data-test="funnel-name"]').fill('Lançamento de Páscoa')
    await page.assertInputValue('[data-test="funnel-slug"]', 'lancamento-de-pascoa')
    await page.locator('[data-test="funnel-submit"]').click()
    await page.waitForURL(/\/w\/loja-bia\/funnels\/\d+/)
    await page.assertTextContains('[data-test="page-title"]', 'Lançamento de Páscoa')
    const funnel = await Funnel.findByOrFail('slug', 'lancamento-de-pascoa')

    for (const [name, slug, type] of STEPS) {
      await page.locator('[data-test="add-step"]').click()
      await page.locator('[data-test="step-name"]').fill(name)
      await page.locator('[data-test="step-type"]').selectOption(type)
      await page.locator('[data-test="step-submit"]').click()
      await page.assertVisible(`[data-test="step-item-${slug}"]`)
      await page.assertTextContains('[data-test="editor-title"]', name)
    }
    assert.deepEqual(await shownOrder(page), ['captura', 'aula', 'pagamento', 'oferta', 'obrigado'])
    assert.deepEqual(await savedOrder(funnel.id), [
      'captura',
      'aula',
      'pagamento',
      'oferta',
      'obrigado',
    ])

    /**
     * Mouse: grab the last step's handle, move past dnd-kit's activation distance, then over the
     * first step. Measured once the add-step dialog is gone and the page has settled.
     */
    await page.waitForSelector('[role="dialog"]', { state: 'detached' })
    const handle = page.locator('[data-test="step-drag-handle-obrigado"]')
    await handle.scrollIntoViewIfNeeded()
    const from = await settledBox(page, handle)
    const to = await settledBox(page, page.locator('[data-test="step-item-captura"]'))
    const x = from.x + from.width / 2
    await page.mouse.move(x, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(x, from.y + from.height / 2 - 12, { steps: 4 })
    /** Past the activation distance: dnd-kit announces the pick-up (or over itself). */
    await waitForAnnouncement(page, 'a posição 5.')
    await page.mouse.move(x, to.y + 4, { steps: 20 })
    await waitForAnnouncement(page, 'movida para a posição 1.')
    await page.mouse.up()

    const dragged = ['obrigado', 'captura', 'aula', 'pagamento', 'oferta']
    assert.deepEqual(await shownOrder(page), dragged, 'the new order shows at once')
    assert.deepEqual(await waitForSavedOrder(funnel.id, dragged), dragged)

    await page.reload()
    await page.assertVisible('[data-test="step-item-obrigado"]')
    assert.deepEqual(await shownOrder(page), dragged, 'the order survives a reload')
    assert.equal(
      await page.locator('[data-test="step-item-obrigado"]').getAttribute('data-position'),
      '0'
    )

    /** Keyboard: focus a handle, Space picks it up, arrows move it, Space drops it. */
    await keyboardMove(page, 'captura', 'ArrowDown', 2)
    const keyed = ['obrigado', 'aula', 'pagamento', 'captura', 'oferta']
    assert.deepEqual(await waitForSavedOrder(funnel.id, keyed), keyed)
    await page.reload()
    await page.assertVisible('[data-test="step-item-captura"]')
    assert.deepEqual(await shownOrder(page), keyed)
  })

  test('a refused reorder puts the list back and says why', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'vsl', 'checkout'])
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}`)
    await page.assertVisible('[data-test="step-item-etapa-3"]')

    /** Someone else deletes a step meanwhile: the order this page sends is stale. */
    await DeleteStep.handle({ funnel, step: steps[1] })

    await keyboardMove(page, 'etapa-3', 'ArrowUp', 2)

    await page.waitForSelector(
      'text=Envie todas as etapas do funil, cada uma uma vez, na nova ordem'
    )
    await page.waitForSelector('[data-test="step-item-etapa-2"]', { state: 'detached' })
    assert.deepEqual(await shownOrder(page), ['etapa-1', 'etapa-3'])
    assert.deepEqual(await savedOrder(funnel.id), ['etapa-1', 'etapa-3'])
  })

  test('a long step name is read whole in the list, on a desktop and on a phone', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'checkout'])
    const name = 'Página de captura da Black Friday'
    await steps[0].merge({ name }).save()
    await browserContext.loginAs(owner)
    for (const width of [1366, 390]) {
      const page = await visit(`${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}`)
      await page.setViewportSize({ width, height: 900 })
      const label = page.locator(`[data-test="step-name-${steps[0].slug}"]`)
      await label.waitFor()
      assert.include(await label.innerText(), name)
      /** Nothing hidden: the text fits the box it is drawn in (no ellipsis, no clipped line). */
      const clipped = await label.evaluate((node) => {
        /** Runs in the page: the Node typings have no DOM. */
        const element = node as any
        return (
          element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight
        )
      })
      assert.isFalse(clipped, `step name clipped at ${width}px`)
      assert.equal(await label.getAttribute('title'), name)
      await page.close()
    }
  })

  test('viewers see the builder without drag handles or write buttons', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { workspace } = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    const { funnel } = await funnelWithSteps(workspace, ['capture', 'checkout'])
    await browserContext.loginAs(viewer)
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}`)
    await page.assertVisible('[data-test="step-item-etapa-1"]')
    await page.assertVisible('[data-test="step-editor"]')
    for (const hook of [
      'step-drag-handle-etapa-1',
      'add-step',
      'delete-step',
      'editor-submit',
      'funnel-settings',
    ]) {
      assert.equal(await page.locator(`[data-test="${hook}"]`).count(), 0, hook)
    }
    assert.isTrue(await page.locator('[data-test="editor-name"]').isDisabled())

    await page.goto(`${serverUrl()}/w/${workspace.slug}/funnels`)
    await page.assertVisible(`[data-test="funnel-row-${funnel.slug}"]`)
    assert.equal(await page.locator('[data-test="new-funnel"]').count(), 0)
    assert.equal(await page.locator(`[data-test="funnel-menu-${funnel.slug}"]`).count(), 0)
  })

  test('edits a step: field errors, then a save the preview follows', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace)
    const upsell = steps[3]
    await browserContext.loginAs(owner)
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}`)
    await page.locator('[data-test="step-select-etapa-4"]').click()
    await page.assertTextContains('[data-test="editor-title"]', 'Etapa 4')
    await page.waitForURL(`**/funnels/${funnel.id}?step=${upsell.id}`)

    await page.locator('[data-test="content-headline"]').fill('')
    await page.locator('[data-test="content-offer-price"]').fill('127,90')
    await page.assertVisible('[data-test="unsaved"]')
    await page.locator('[data-test="editor-submit"]').click()
    await page.assertTextContains(
      '[data-test="error-content-headline"]',
      'O campo título é obrigatório'
    )
    await upsell.refresh()
    assert.equal(upsell.version, 1)

    await page.locator('[data-test="content-headline"]').fill('Leve a mentoria')
    await page.locator('[data-test="content-acceptStepId"]').selectOption(String(steps[4].id))
    await page.locator('[data-test="editor-submit"]').click()
    /**
     * The saved content gave the step its block page (issue 18): the builder now shows the
     * page editor, whose preview draws the saved headline.
     */
    await page.locator('[data-test="page-editor"]').waitFor({ timeout: 30_000 })
    await page
      .frameLocator('[data-test="page-preview-frame"]')
      .locator('text=Leve a mentoria')
      .first()
      .waitFor({ timeout: 30_000 })
    await upsell.refresh()
    assert.equal(upsell.version, 2)
    assert.equal(upsell.content.headline, 'Leve a mentoria')
    assert.equal((upsell.content.offer as { priceCents: number }).priceCents, 12790)
    assert.equal(upsell.content.acceptStepId, steps[4].id)
    assert.equal(await page.locator('[data-test="unsaved"]').count(), 0)
    assert.isNotNull(upsell.page)
  })
})
