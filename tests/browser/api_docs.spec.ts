import { test } from '@japa/runner'
import { serverUrl } from '#tests/helpers/server'

test.group('API docs in Chromium', () => {
  test('/docs/api renders the generated document with Scalar (no CDN, no CSP errors)', async ({
    visit,
    assert,
  }) => {
    const page = await visit(`${serverUrl()}/docs/api`)
    const external: string[] = []
    const cspErrors: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(serverUrl())) external.push(request.url())
    })
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text())
    })
    await page.reload()
    /** The sidebar lists the generated operations (first tag open, the others as groups). */
    await page.waitForFunction(
      () => {
        const text: string = (globalThis as any).document.body.innerText
        return text.includes('Members and pending invitations') && text.includes('funnels')
      },
      undefined,
      { timeout: 30_000 }
    )
    const text = await page.innerText('body')
    assert.include(text, 'Differences from the original specification')
    assert.deepEqual(cspErrors, [])
    assert.deepEqual(external, [])
  })
})
