import { test } from '@japa/runner'
import { mkdirSync, readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import app from '@adonisjs/core/services/app'
import { freshDatabase } from '#tests/helpers/database'
import { seededAdmin } from '#tests/helpers/admin_pages'

/**
 * Issue 20: screenshots of the dashboard, the builder and the PIX page on a phone (390 px) and
 * a laptop (1366 px). `npm run screenshots` writes them to docs/screenshots/ (committed, shown
 * in the README); inside `npm test` they go to tmp/screenshots and the test checks each one is
 * a real PNG as wide as its viewport: a page wider than the screen would make it wider.
 */
const OUT_DIR = process.env.SCREENSHOTS_DIR ?? 'tmp/screenshots'
const WIDTHS = [390, 1366] as const

/** Width and height from a PNG's IHDR chunk (after the 8-byte signature). */
function pngSize(file: string) {
  const bytes = readFileSync(file)
  const signature = bytes.subarray(0, 8).toString('hex')
  return {
    signature,
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
  }
}

test.group('Screenshots (docs/screenshots) in Chromium', (group) => {
  freshDatabase(group)

  test('dashboard, builder and PIX page at 390 and 1366 px', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const dir = isAbsolute(OUT_DIR) ? OUT_DIR : app.makePath(OUT_DIR)
    mkdirSync(dir, { recursive: true })
    const { owner, adminPages, publicPages } = await seededAdmin()
    await browserContext.loginAs(owner)
    const shots: Record<string, string> = {
      dashboard: adminPages.dashboard,
      builder: adminPages.builder,
      pix: publicPages.pix,
    }
    for (const [name, url] of Object.entries(shots)) {
      for (const width of WIDTHS) {
        const page = await visit(url)
        await page.setViewportSize({ width, height: width === 390 ? 844 : 768 })
        await page.waitForLoadState('networkidle')
        /** The page itself, not an error page in its place. */
        if (name === 'pix') await page.assertVisible('[data-test="pix-code"]')
        else await page.assertVisible('[data-test="page-title"]')
        const file = join(dir, `${name}-${width}.png`)
        await page.screenshot({ path: file, fullPage: true })
        await page.close()

        const size = pngSize(file)
        assert.equal(size.signature, '89504e470d0a1a0a', `${name}-${width} is a PNG`)
        assert.equal(size.width, width, `${name}-${width}: the page is as wide as the screen`)
        assert.isAbove(size.height, 300, `${name}-${width} has content`)
      }
    }
  })
})
