import { test } from '@japa/runner'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright'
import { freshDatabase } from '#tests/helpers/database'
import { seededAdmin } from '#tests/helpers/admin_pages'

/** The serious and critical axe violations of the page, one line per rule with its nodes. */
async function seriousViolations(page: Page, name: string) {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${name}: [${v.impact}] ${v.id} — ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map(
            (n) => `    ${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('')}`
          )
          .join('\n')
    )
}

/**
 * Issue 20 item 8: an axe-core pass over every admin page and every public step type. Fails
 * on any serious or critical violation and prints them (rule, selector, what to fix).
 */
test.group('Accessibility (axe-core) in Chromium', (group) => {
  freshDatabase(group)

  test('every admin page: 0 serious/critical violations', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, adminPages } = await seededAdmin()
    await browserContext.loginAs(owner)
    const found: string[] = []
    for (const [name, path] of Object.entries(adminPages)) {
      const page = await visit(path)
      await page.waitForLoadState('networkidle')
      await page.locator('main, [data-test="page-title"]').first().waitFor()
      found.push(...(await seriousViolations(page, name)))
      await page.close()
    }
    assert.deepEqual(found, [], `axe violations:\n${found.join('\n')}`)
  }).timeout(300_000)

  test('every public step type: 0 serious/critical violations', async ({ visit, assert }) => {
    const { publicPages } = await seededAdmin()
    const found: string[] = []
    for (const [name, url] of Object.entries(publicPages)) {
      const page = await visit(url)
      await page.waitForLoadState('networkidle')
      /** Each URL must show its step, not the "página não encontrada" page in its place. */
      assert.notInclude(await page.title(), 'não encontrada', `${name} answers`)
      if (name === 'pix') await page.assertVisible('[data-test="pix-code"]')
      found.push(...(await seriousViolations(page, name)))
      await page.close()
    }
    assert.deepEqual(found, [], `axe violations:\n${found.join('\n')}`)
  }).timeout(120_000)
})
