import { test } from '@japa/runner'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page, Route } from 'playwright'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import FunnelStep from '#models/funnel_step'
import type { StepPage } from '#types/step_page'
import { funnelWithSteps } from '../functional/funnels/helpers.js'
import { settledBox, waitForAnnouncement, waitUntil } from '#tests/helpers/wait_until'

/** A capture page: a headline, a text and the capture form (the step's required block). */
function capturePage(): StepPage {
  return {
    version: 1,
    sections: [
      {
        id: 'secao-1',
        background: null,
        blocks: [
          { id: 'titulo', type: 'headline', text: 'Aula gratuita', level: 1, align: 'center' },
          { id: 'texto', type: 'text', text: 'Deixe seu e-mail', align: 'left' },
          { id: 'formulario', type: 'capture_form' },
        ],
      },
    ],
  }
}

/** The block ids of the first section in the order the editor shows them. */
async function shownBlocks(page: Page) {
  return page
    .locator('[data-test="section-1"] [data-block-id]')
    .evaluateAll((items) => items.map((item) => (item as any).dataset.blockId as string))
}

async function savedBlocks(stepId: number) {
  const step = await FunnelStep.findOrFail(stepId)
  return step.page?.sections[0].blocks.map((block) => block.id) ?? []
}

async function waitForSavedBlocks(stepId: number, expected: string[]) {
  return waitUntil(
    async () =>
      JSON.stringify(await savedBlocks(stepId)) === JSON.stringify(expected) ? expected : null,
    { message: `saved blocks ${expected.join(',')}` }
  )
}

/** Waits until the editor shows `expected` (a drop or an undo re-renders the list). */
async function waitForShownBlocks(page: Page, expected: string[]) {
  await page.waitForFunction(
    (ids) =>
      JSON.stringify(
        [
          ...(globalThis as any).document.querySelectorAll(
            '[data-test="section-1"] [data-block-id]'
          ),
        ].map((item: any) => item.dataset.blockId)
      ) === JSON.stringify(ids),
    expected
  )
}

async function openEditor(page: Page) {
  await page.locator('[data-test="page-editor"]').waitFor({ timeout: 30_000 })
}

test.group('Page editor in Chromium', (group) => {
  freshDatabase(group)

  test('add a headline from the palette, the preview follows the typing before any save, autosave, undo/redo, reload', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'thankyou'])
    const capture = steps[0]
    await capture.merge({ page: capturePage() }).save()
    await browserContext.loginAs(owner)

    const page = await visit(
      `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}?step=${capture.id}`
    )
    await openEditor(page)
    const preview = page.frameLocator('[data-test="page-preview-frame"]')
    await preview.locator('text=Aula gratuita').first().waitFor({ timeout: 20_000 })

    /** The capture form is the step's required block: no delete action. */
    await page.assertExists('[data-block-id="formulario"]')
    await page.assertNotExists('[data-block-id="formulario"] [data-test="block-remove"]')
    await page.assertExists('[data-block-id="texto"] [data-test="block-remove"]')
    /** The palette offers the capture page's blocks, not another step type's. */
    await page.assertNotExists('[data-test="palette-checkout_form"]')
    await page.assertNotExists('[data-test="palette-capture_form"]')

    /** Hold every save: whatever the preview shows next came without one. */
    const held: Route[] = []
    let released = false
    await page.route(/\/steps\/\d+\/page$/, (route) =>
      released ? route.continue() : void held.push(route)
    )

    await page.locator('[data-test="palette-headline"]').click()
    await page.locator('[data-test="block-headline"]').nth(1).waitFor()
    const text = page.locator('[data-test="block-panel"] [data-test="field-text"]')
    await text.fill('Guia grátis de tráfego pago')
    await preview.locator('text=Guia grátis de tráfego pago').waitFor({ timeout: 20_000 })
    await waitUntil(() => held.length > 0, { message: 'the autosave request' })
    assert.notEqual(
      await page.locator('[data-test="page-save-state"]').getAttribute('data-state'),
      'saved',
      'the preview changed while the save was still held'
    )
    assert.deepEqual(await savedBlocks(capture.id), ['titulo', 'texto', 'formulario'])

    /** Undo and redo, with the keyboard in the text field and with the buttons. */
    await text.press('Control+z')
    await page.assertInputValue(
      '[data-test="block-panel"] [data-test="field-text"]',
      'Escreva um título que prenda a atenção'
    )
    await page.locator('[data-test="page-undo"]').click()
    await page.assertNotExists('[data-test="block-panel"] [data-test="field-text"]')
    assert.lengthOf(await page.locator('[data-test="block-headline"]').all(), 1)
    await page.locator('[data-test="page-redo"]').click()
    await page.locator('[data-test="block-headline"]').nth(1).waitFor()
    await page
      .locator('[data-test="block-headline"]')
      .nth(1)
      .locator('[data-test="block-select"]')
      .click()
    await page
      .locator('[data-test="block-panel"] [data-test="field-text"]')
      .press('Control+Shift+z')
    await page.assertInputValue(
      '[data-test="block-panel"] [data-test="field-text"]',
      'Guia grátis de tráfego pago'
    )

    /** Let the saves through: the state reaches "Salvo às hh:mm". */
    released = true
    for (const route of held) await route.continue()
    await page.waitForSelector('[data-test="page-save-state"][data-state="saved"]', {
      timeout: 20_000,
    })
    await page.assertTextContains('[data-test="page-save-state"]', 'Salvo às')
    const stored = await FunnelStep.findOrFail(capture.id)
    const blocks = stored.page!.sections[0].blocks
    assert.lengthOf(blocks, 4)
    assert.deepInclude(blocks[3], { type: 'headline', text: 'Guia grátis de tráfego pago' })

    await page.reload()
    await openEditor(page)
    await page.assertTextContains(
      '[data-test="block-headline"]:nth-child(4) [data-test="block-summary"]',
      'Guia grátis de tráfego pago'
    )
  })

  test('drag a block with the mouse, reorder with the keyboard, undo both', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'thankyou'])
    const capture = steps[0]
    await capture.merge({ page: capturePage() }).save()
    await browserContext.loginAs(owner)
    const page = await visit(
      `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}?step=${capture.id}`
    )
    await openEditor(page)

    /** Mouse: the text's handle over the headline, past dnd-kit's activation distance first. */
    const handle = page.locator('[data-block-id="texto"] [data-test="block-drag-handle"]')
    await handle.scrollIntoViewIfNeeded()
    const from = await settledBox(page, handle)
    const to = await settledBox(page, page.locator('[data-block-id="titulo"]'))
    const x = from.x + from.width / 2
    await page.mouse.move(x, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(x, from.y + from.height / 2 - 12, { steps: 4 })
    await waitForAnnouncement(page, 'da seção 1.')
    await page.mouse.move(x, to.y + 4, { steps: 20 })
    await waitForAnnouncement(page, 'movido para a posição 1 da seção 1.')
    await page.mouse.up()
    const dragged = ['texto', 'titulo', 'formulario']
    await waitForShownBlocks(page, dragged)
    await waitForSavedBlocks(capture.id, dragged)

    /** Keyboard: focus the headline's handle, Space, ArrowDown, Space. */
    await page.locator('[data-block-id="titulo"] [data-test="block-drag-handle"]').focus()
    await page.keyboard.press('Space')
    /** "selecionado, na posição 2…" at once replaced by "movido para a posição 2…" (over itself). */
    await waitForAnnouncement(page, 'a posição 2 da seção 1.')
    await page.keyboard.press('ArrowDown')
    await waitForAnnouncement(page, 'movido para a posição 3 da seção 1.')
    await page.keyboard.press('Space')
    await waitForAnnouncement(page, 'solto na posição 3 da seção 1.')
    const keyed = ['texto', 'formulario', 'titulo']
    await waitForShownBlocks(page, keyed)
    await waitForSavedBlocks(capture.id, keyed)

    /** Each move is one undo step. */
    await page.keyboard.press('Control+z')
    await waitForShownBlocks(page, dragged)
    await page.locator('[data-test="page-undo"]').click()
    await waitForShownBlocks(page, ['titulo', 'texto', 'formulario'])
    await waitForSavedBlocks(capture.id, ['titulo', 'texto', 'formulario'])
    await page.locator('[data-test="page-redo"]').click()
    await waitForShownBlocks(page, dragged)
    await waitForSavedBlocks(capture.id, dragged)

    await page.reload()
    await openEditor(page)
    await waitForShownBlocks(page, dragged)
    assert.deepEqual(await shownBlocks(page), dragged)
  })

  test('a refused save shows the error on the block until it is fixed; a failed one, a retry', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'thankyou'])
    const capture = steps[0]
    await capture.merge({ page: capturePage() }).save()
    await browserContext.loginAs(owner)
    const page = await visit(
      `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}?step=${capture.id}`
    )
    await openEditor(page)
    await page.locator('[data-block-id="titulo"] [data-test="block-select"]').click()
    await page.locator('[data-test="block-panel"] [data-test="field-text"]').fill('')
    await page.waitForSelector('[data-block-id="titulo"] [data-test="block-error"]', {
      timeout: 20_000,
    })
    await page.locator('[data-test="block-panel"] [data-test="error-text"]').waitFor()
    await page.locator('[data-test="block-panel"] [data-test="field-text"]').fill('De volta')
    await page.waitForSelector('[data-test="page-save-state"][data-state="saved"]', {
      timeout: 20_000,
    })
    await page.assertNotExists('[data-block-id="titulo"] [data-test="block-error"]')

    /** A failed save (a 500) says so and offers a retry; the retry saves. */
    await page.route(/\/steps\/\d+\/page$/, (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: '{}' })
    )
    /** Into a new section: a block moves between sections from its panel too. */
    await page.locator('[data-test="section-add"]').click()
    await page.locator('[data-test="section-2"]').waitFor()
    await page.locator('[data-block-id="titulo"] [data-test="block-select"]').click()
    await page.locator('[data-test="block-move-section"]').selectOption({ label: 'Seção 2' })
    await page.locator('[data-test="section-2"] [data-block-id="titulo"]').waitFor()
    await page.waitForSelector('[data-test="page-save-state"][data-state="failed"]', {
      timeout: 20_000,
    })
    await page.assertTextContains('[data-test="page-save-state"]', 'Erro ao salvar')
    await page.unroute(/\/steps\/\d+\/page$/)
    await page.locator('[data-test="page-save-retry"]').click()
    await page.waitForSelector('[data-test="page-save-state"][data-state="saved"]', {
      timeout: 20_000,
    })
    const stored = (await FunnelStep.findOrFail(capture.id)).page!
    assert.deepEqual(
      stored.sections.map((section) => section.blocks.map((block) => block.id)),
      [['texto', 'formulario'], ['titulo']]
    )
    assert.deepInclude(stored.sections[1].blocks[0], { text: 'De volta' })
  })

  test('a viewer sees the page without editing', async ({ visit, browserContext }) => {
    const { workspace } = await createTenant()
    const viewer = await workspaceMember(workspace, 'viewer')
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'thankyou'])
    const capture = steps[0]
    await capture.merge({ page: capturePage() }).save()
    await browserContext.loginAs(viewer)
    const read = await visit(
      `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}?step=${capture.id}`
    )
    await openEditor(read)
    await read.assertExists('[data-block-id="titulo"]')
    await read.assertNotExists('[data-test="block-palette"]')
    await read.assertNotExists('[data-test="block-drag-handle"]')
    await read.assertNotExists('[data-test="block-remove"]')
    await read.assertNotExists('[data-test="page-undo"]')
  })

  test('every block form, the desktop preview and the step blocks: axe finds nothing serious', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'thankyou'])
    const capture = steps[0]
    await capture.merge({ page: capturePage() }).save()
    await browserContext.loginAs(owner)
    const page = await visit(
      `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}?step=${capture.id}`
    )
    await openEditor(page)

    /** The desktop toggle renders the frame at a laptop's width. */
    await page.locator('[data-test="preview-device-desktop"]').click()
    await page.waitForSelector('[data-test="page-preview-frame"][data-width="1280"]')
    await page.locator('[data-test="preview-device-mobile"]').click()
    await page.waitForSelector('[data-test="page-preview-frame"][data-width="390"]')

    const found: string[] = []
    const check = async (name: string) => {
      const { violations } = await new AxeBuilder({ page })
        .include('[data-test="page-editor"]')
        .exclude('iframe')
        .analyze()
      for (const violation of violations) {
        if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
        found.push(
          `${name}: ${violation.id} ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
        )
      }
    }
    /** Every block type from the palette (each one selected as it is added). */
    for (const type of [
      'headline',
      'text',
      'image',
      'video',
      'countdown',
      'guarantee',
      'faq',
      'bullets',
      'divider',
      'spacer',
      'testimonials',
      'button',
    ]) {
      await page.locator(`[data-test="palette-${type}"]`).click()
      await page
        .locator(`[data-test="block-${type}"] [data-test="block-select"][aria-pressed="true"]`)
        .waitFor()
    }
    /** The editor with the button's panel, then a list block's (rows with legends). */
    await check('button')
    await page.locator('[data-test="block-testimonials"] [data-test="block-select"]').click()
    await page.locator('[data-test="block-panel"] [data-test="item-add"]').waitFor()
    await check('testimonials')
    /**
     * On a 390 px phone the editor with every block fits the screen: nothing inside it sticks
     * out sideways (the page header's actions are the builder's, checked by mobile_390).
     */
    await page.setViewportSize({ width: 390, height: 844 })
    await page.waitForFunction(() => {
      const { window, document } = globalThis as any
      const editor = document.querySelector('[data-test="page-editor"]')
      return [editor, ...editor.querySelectorAll('*')].every(
        (el: any) =>
          el.closest('iframe') || el.getBoundingClientRect().right <= window.innerWidth + 1
      )
    })
    await page.setViewportSize({ width: 1366, height: 900 })

    /** The capture form's panel edits the step's content. */
    await page.locator('[data-block-id="formulario"] [data-test="block-select"]').click()
    await page.locator('[data-test="step-block-form"]').waitFor()
    await check('capture_form')
    assert.deepEqual(found, [], `axe violations:\n${found.join('\n')}`)
  }).timeout(240_000)

  test('the capture form panel: unsaved step content in the preview, then saved with the step', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, ['capture', 'thankyou'])
    const capture = steps[0]
    await capture.merge({ page: capturePage() }).save()
    await browserContext.loginAs(owner)
    const page = await visit(
      `${serverUrl()}/w/${workspace.slug}/funnels/${funnel.id}?step=${capture.id}`
    )
    await openEditor(page)
    await page.locator('[data-block-id="formulario"] [data-test="block-select"]').click()
    await page.locator('[data-test="content-buttonLabel"]').fill('Quero o guia agora')
    await page
      .frameLocator('[data-test="page-preview-frame"]')
      .locator('text=Quero o guia agora')
      .first()
      .waitFor({ timeout: 20_000 })
    await capture.refresh()
    assert.equal(capture.content.buttonLabel, 'Quero', 'nothing saved yet')

    /** An empty label is flagged by the preview under its field, before any save. */
    await page.locator('[data-test="content-buttonLabel"]').fill('')
    await page.locator('[data-test="error-content-buttonLabel"]').waitFor({ timeout: 20_000 })
    await page.locator('[data-test="content-buttonLabel"]').fill('Quero o guia agora')

    await page.locator('[data-test="step-block-save"]').click()
    await page.assertTextContains('[data-test="step-block-form"]', 'Salvo na etapa')
    await capture.refresh()
    assert.equal(capture.content.buttonLabel, 'Quero o guia agora')
    assert.deepEqual(
      capture.page!.sections[0].blocks.map((block) => block.id),
      ['titulo', 'texto', 'formulario'],
      'the arranged page keeps its blocks'
    )
  })
})
