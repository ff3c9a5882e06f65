import { test } from '@japa/runner'
import type { Page } from 'playwright'
import env from '#start/env'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'

/** Waits until the element holds the text (a condition, never a fixed delay). */
async function waitForText(page: Page, selector: string, text: string) {
  await page.locator(selector, { hasText: text }).first().waitFor()
}

/** Configurações › Marca das páginas in Chromium: live preview, pt-BR error, the public page. */
test.group('Workspace page brand in Chromium', (group) => {
  freshDatabase(group)

  test('the owner sets logo, colour, font and seller with a live preview; the capture page wears them', async ({
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'doces' })
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      slug: 'loja',
      isActive: true,
    }).create()
    await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      slug: 'captura',
      orderIndex: 0,
      content: { headline: 'Receitas grátis', fields: ['email'] },
    }).create()
    await publish(funnel)
    const port = Number(env.get('PORT', 3333))
    await browserContext.loginAs(owner)
    const page = await browserContext.newPage()
    page.setDefaultTimeout(60_000)
    /** The dev server may compile the page on this first visit (slow on a busy 2-core box). */
    await page.goto(`http://127.0.0.1:${port}/w/${workspace.slug}/settings`, {
      waitUntil: 'domcontentloaded',
      timeout: 120_000,
    })

    /** The preview follows the fields before anything is saved. */
    await page.locator('[data-test="wb-primary"]').fill('#aa3366')
    await page.locator('[data-test="wb-seller"]').fill('Doces da Ana LTDA')
    await page.locator('[data-test="wb-document"]').fill('11.222.333/0001-00')
    await page.locator('[data-test="wb-font"]').selectOption('serif')
    await waitForText(page, '[data-test="workspace-brand-preview-seller"]', 'Doces da Ana LTDA')
    await page.waitForFunction(() => {
      const button = (globalThis as any).document.querySelector(
        '[data-test="workspace-brand-preview"] span.rounded-md'
      )
      return (
        !!button &&
        (globalThis as any).getComputedStyle(button).backgroundColor === 'rgb(170, 51, 102)'
      )
    })

    /** A wrong CNPJ: the field says so in Portuguese, nothing is saved. */
    await page.locator('[data-test="workspace-brand-submit"]').click()
    await waitForText(page, '[data-test="workspace-brand-form"]', 'Informe um CNPJ (ou CPF) válido')

    await page.locator('[data-test="wb-document"]').fill('11.222.333/0001-81')
    await page.locator('[data-test="wb-terms"]').fill('https://doces.com.br/termos')
    await page.locator('[data-test="workspace-brand-submit"]').click()
    await waitForText(page, 'body', 'Marca das páginas salva.')

    /** The public capture page, on the workspace's host. */
    const site = await browserContext.newPage()
    await site.goto(`http://doces.localhost:${port}/loja/captura`, { timeout: 60_000 })
    await waitForText(site, '[data-brand-footer]', 'Doces da Ana LTDA · CNPJ 11.222.333/0001-81')
    const styles = await site.evaluate(() => ({
      primary: (globalThis as any)
        .getComputedStyle((globalThis as any).document.documentElement)
        .getPropertyValue('--primary')
        .trim(),
      font: (globalThis as any).getComputedStyle((globalThis as any).document.body).fontFamily,
    }))
    assert.equal(styles.primary, '#aa3366')
    assert.include(styles.font, 'Charter')
    assert.equal(
      await site.locator('[data-brand-footer] a').first().getAttribute('href'),
      'https://doces.com.br/termos'
    )
  }).timeout(300_000)
})
