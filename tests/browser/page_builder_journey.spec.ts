import { test } from '@japa/runner'
import { gzipSync } from 'node:zlib'
import type { Page, Route } from 'playwright'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { settledBox, waitForAnnouncement, waitUntil } from '#tests/helpers/wait_until'
import { LEAD_SCRIPT, TRACKING_SCRIPT } from '#services/tracking_snippets'
import Funnel from '#models/funnel'
import FunnelStep from '#models/funnel_step'

/** The "Isca digital" template's capture page opens with its headline (b1) and a text (b2). */
const TEMPLATE_HEADLINE = 'Guia gratuito: 7 passos para vender todos os dias'
const TEMPLATE_TEXT =
  'Um material direto ao ponto, com exemplos reais, para você aplicar ainda hoje.'
const EDITED_HEADLINE = 'Guia grátis: vender todo dia pelo WhatsApp'

/** The block ids of the first section in the order the editor shows them. */
async function waitForShownBlocks(page: Page, expected: string[]) {
  await page.waitForFunction(
    (ids) =>
      JSON.stringify(
        [
          ...(globalThis as any).document.querySelectorAll(
            '[data-test="section-1"] [data-block-id]'
          ),
        ]
          .slice(0, ids.length)
          .map((item: any) => item.dataset.blockId)
      ) === JSON.stringify(ids),
    expected
  )
}

async function savedStep(stepId: number) {
  return FunnelStep.findOrFail(stepId)
}

/**
 * Issue 18's "Done when" journey in one go, with the real UI only: a capture page from the
 * "Isca digital" template, a block dragged with the mouse, a headline edited and seen in the
 * preview while its save is still held, the autosave, "Publicar" and the public page — which
 * must carry the edit and the new order, and no JS beyond the tracking script and the step
 * page's own small script (no React, no admin bundle).
 */
test.group('Page builder journey in Chromium', (group) => {
  freshDatabase(group)

  test('template → drag → live preview before saving → publish → public page', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-guia' })
    await browserContext.loginAs(owner)

    /** New funnel dialog → the "Isca digital" template. */
    const page = await visit(`${serverUrl()}/w/${workspace.slug}/funnels`)
    await page.locator('[data-test="new-funnel"]').click()
    await page.locator('[data-test="template-card-isca-digital"]').click({ timeout: 30_000 })
    await page.assertInputValue('[data-test="funnel-name"]', 'Isca digital')
    await page.locator('[data-test="funnel-name"]').fill('Guia de vendas')
    await page.assertInputValue('[data-test="funnel-slug"]', 'guia-de-vendas')
    await page.locator('[data-test="funnel-submit"]').click()
    await page.waitForURL(/\/w\/loja-guia\/funnels\/\d+/, { timeout: 30_000 })
    await page.assertTextContains('[data-test="funnel-status"]', 'Rascunho')

    /** Open the capture step: the block editor with the template's page. */
    await page.locator('[data-test="step-select-guia-gratuito"]').click()
    await page.locator('[data-test="page-editor"]').waitFor({ timeout: 30_000 })
    const funnel = await Funnel.findByOrFail('slug', 'guia-de-vendas')
    const capture = await FunnelStep.query()
      .where('funnel_id', funnel.id)
      .where('slug', 'guia-gratuito')
      .firstOrFail()
    await waitForShownBlocks(page, ['b1', 'b2'])
    const preview = page.frameLocator('[data-test="page-preview-frame"]')
    await preview.locator('h1', { hasText: TEMPLATE_HEADLINE }).waitFor({ timeout: 30_000 })

    /** Drag the text above the headline with the mouse (dnd-kit: past its activation distance). */
    const handle = page.locator('[data-block-id="b2"] [data-test="block-drag-handle"]')
    await handle.scrollIntoViewIfNeeded()
    const from = await settledBox(page, handle)
    const to = await settledBox(page, page.locator('[data-block-id="b1"]'))
    const x = from.x + from.width / 2
    await page.mouse.move(x, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(x, from.y + from.height / 2 - 12, { steps: 4 })
    await waitForAnnouncement(page, 'da seção 1.')
    await page.mouse.move(x, to.y + 4, { steps: 20 })
    await waitForAnnouncement(page, 'movido para a posição 1 da seção 1.')
    await page.mouse.up()
    await waitForShownBlocks(page, ['b2', 'b1'])
    await waitUntil(
      async () => (await savedStep(capture.id)).page?.sections[0].blocks[0].id === 'b2',
      { timeoutMs: 20_000, message: 'the drag saved' }
    )
    await page.waitForSelector('[data-test="page-save-state"][data-state="saved"]', {
      timeout: 20_000,
    })

    /** Hold the next save: whatever the preview shows now came without one. */
    const held: Route[] = []
    let released = false
    await page.route(/\/steps\/\d+\/page$/, (route) =>
      released ? route.continue() : void held.push(route)
    )
    await page.locator('[data-block-id="b1"] [data-test="block-select"]').click()
    const text = page.locator('[data-test="block-panel"] [data-test="field-text"]')
    await page.assertInputValue(
      '[data-test="block-panel"] [data-test="field-text"]',
      TEMPLATE_HEADLINE
    )
    await text.fill(EDITED_HEADLINE)
    await preview.locator('h1', { hasText: EDITED_HEADLINE }).waitFor({ timeout: 30_000 })
    await waitUntil(() => held.length > 0, { timeoutMs: 20_000, message: 'the autosave request' })
    assert.notEqual(
      await page.locator('[data-test="page-save-state"]').getAttribute('data-state'),
      'saved',
      'the preview changed while the save was still held'
    )
    const unsaved = (await savedStep(capture.id)).page!.sections[0].blocks
    assert.deepInclude(unsaved[1], { id: 'b1', text: TEMPLATE_HEADLINE }, 'nothing saved yet')

    /** Let the save through: "Salvo às hh:mm", and the database has the edit. */
    released = true
    for (const route of held) await route.continue()
    await page.waitForSelector('[data-test="page-save-state"][data-state="saved"]', {
      timeout: 20_000,
    })
    await page.assertTextContains('[data-test="page-save-state"]', 'Salvo')
    const saved = (await savedStep(capture.id)).page!.sections[0].blocks
    assert.deepEqual(
      saved.map((block) => block.id),
      ['b2', 'b1']
    )
    assert.deepInclude(saved[1], { type: 'headline', text: EDITED_HEADLINE })

    /** The draft is not public yet. */
    const port = new URL(serverUrl()).port
    const publicUrl = `http://loja-guia.localhost:${port}/guia-de-vendas`
    const visitor = await browserContext.newPage()
    assert.equal((await visitor.goto(publicUrl))?.status(), 404)

    /** "Publicar": the dialog lists what goes live (a never-published funnel: all its steps). */
    await page.locator('[data-test="publish-funnel"]').click()
    await page
      .locator('[data-test="publish-change"]')
      .filter({ hasText: 'Primeira publicação (2 etapas)' })
      .waitFor({ timeout: 20_000 })
    await page.locator('[data-test="publish-confirm"]').click()
    await page.locator('[data-test="funnel-status"]').filter({ hasText: 'Ativo' }).waitFor()

    /** The public page: the edited headline, the dragged text above it. */
    const response = await visitor.goto(publicUrl)
    assert.equal(response?.status(), 200)
    await visitor.locator('h1', { hasText: EDITED_HEADLINE }).waitFor()
    const html = await response!.text()
    assert.notInclude(html, TEMPLATE_HEADLINE)
    /** In the body (the <title> repeats the headline). */
    const body = html.slice(html.indexOf('<body'))
    const textAt = body.indexOf(TEMPLATE_TEXT)
    const headlineAt = body.indexOf(EDITED_HEADLINE)
    assert.isAbove(textAt, -1)
    assert.isAbove(headlineAt, textAt, 'the dragged text comes before the headline')
    assert.deepEqual(
      await visitor.evaluate(() =>
        [...(globalThis as any).document.querySelectorAll('h1, p')]
          .map((el: any) => el.textContent.trim())
          .slice(0, 2)
      ),
      [TEMPLATE_TEXT, EDITED_HEADLINE]
    )

    /**
     * The budget: the tracking config, the tracking script, the capture form's Lead script and
     * the step page's own script — inline, nothing loaded from elsewhere, no React, no Inertia,
     * no admin bundle.
     */
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => ({
      attributes: m[1],
      body: m[2],
    }))
    assert.deepEqual(
      scripts.filter((script) => /\bsrc=/.test(script.attributes)),
      [],
      'no external script'
    )
    const config = scripts.filter((script) => script.attributes.includes('application/json'))
    const code = scripts.filter((script) => !script.attributes.includes('application/json'))
    assert.lengthOf(config, 1)
    assert.equal(code[0].body, TRACKING_SCRIPT)
    assert.equal(code[1].body, LEAD_SCRIPT)
    assert.lengthOf(code, 3, 'tracking, Lead and the step page script: nothing else')
    const stepScript = code[2].body
    for (const marker of [
      'react',
      'inertia',
      '/@vite',
      '/assets/',
      'type="module"',
      'data-page=',
    ]) {
      assert.notInclude(html.toLowerCase(), marker.toLowerCase(), `no ${marker} on a public page`)
    }
    const bytes = (value: string) => Buffer.byteLength(value)
    const gzip = (value: string) => gzipSync(value).length
    const tracking = TRACKING_SCRIPT + LEAD_SCRIPT
    /** The step script is the shared one (CTA delays, countdowns, totals): under 2 KB gzipped. */
    assert.isBelow(gzip(stepScript), 2048, 'the step script stays small')
    console.log(
      `public capture page: ${bytes(html)} B raw, ${gzip(html)} B gzip; ` +
        `<script> tags ${scripts.length} (1 JSON config, ${code.length} inline JS, 0 src); ` +
        `tracking+lead JS ${bytes(tracking)} B raw / ${gzip(tracking)} B gzip; ` +
        `step script ${bytes(stepScript)} B raw / ${gzip(stepScript)} B gzip; ` +
        `all inline JS ${bytes(tracking + stepScript)} B raw / ${gzip(tracking + stepScript)} B gzip`
    )
  }).timeout(240_000)
})
