import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { seededAdmin } from '#tests/helpers/admin_pages'

/**
 * Issue 20 item 5: the admin on a 390 × 844 phone. Every admin page of a seeded workspace is
 * opened and must not scroll sideways (the document no wider than the window); a failure names
 * every page that does, with its width, and the widest elements that stick out.
 */
test.group('Admin at 390 px in Chromium', (group) => {
  freshDatabase(group)

  test('no admin page is wider than a 390 px screen', async ({ visit, browserContext, assert }) => {
    const { owner, adminPages } = await seededAdmin()
    await browserContext.loginAs(owner)
    const wide: string[] = []
    for (const [name, path] of Object.entries(adminPages)) {
      const page = await visit(path)
      await page.setViewportSize({ width: 390, height: 844 })
      await page.waitForLoadState('networkidle')
      await page.locator('main, [data-test="page-title"]').first().waitFor()
      const measured = await page.evaluate(() => {
        /** Runs in the page: the Node typings have no DOM. */
        const { window, document } = globalThis as any
        const inner: number = window.innerWidth
        const culprits = ([...document.querySelectorAll('body *')] as any[])
          .filter((el) => el.getBoundingClientRect().right > inner + 1)
          /** The outermost offenders: the parent still fits, so this element is the cause. */
          .filter((el) => (el.parentElement?.getBoundingClientRect().right ?? 0) <= inner + 1)
          .slice(0, 4)
          .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)}`)
        return { scroll: document.documentElement.scrollWidth, inner, culprits }
      })
      if (measured.scroll > measured.inner) {
        wide.push(
          `${name} (${path}): ${measured.scroll}px > ${measured.inner}px — ${measured.culprits.join(' | ')}`
        )
      }
      await page.close()
    }
    assert.deepEqual(wide, [], `pages wider than the screen:\n${wide.join('\n')}`)
  }).timeout(300_000)
})
