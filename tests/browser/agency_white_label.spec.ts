import { test } from '@japa/runner'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright'
import app from '@adonisjs/core/services/app'
import env from '#start/env'
import Agency from '#models/agency'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant, workspaceMember } from '#tests/helpers/tenants'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import DomainResolver from '#services/domain_resolver'
import { TtlCache } from '#services/ttl_cache'

const DOMAIN = 'painel.agencia.test'
const LOGO = 'https://cdn.vertice.test/logo.svg'
const LOGO_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1d4ed8"/></svg>'

/** Waits until the element holds the text (a condition, never a fixed delay). */
async function waitForText(page: Page, selector: string, text: string) {
  await page.locator(selector, { hasText: text }).first().waitFor()
}

/** The logo's host is not on this machine: the browser gets it from here instead. */
async function serveLogo(context: BrowserContext) {
  await context.route(LOGO, (route) =>
    route.fulfill({ status: 200, contentType: 'image/svg+xml', body: LOGO_SVG })
  )
}

/**
 * White-label in Chromium: the agency sets its brand and admin domain, and a client signs in on
 * that domain (`--host-resolver-rules` maps it to this server) without ever seeing the product's
 * name.
 */
test.group('Agency white-label in Chromium', (group) => {
  freshDatabase(group)

  let browser: Browser
  const records = new Map<string, string[][]>()
  group.setup(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        `--host-resolver-rules=MAP ${DOMAIN} 127.0.0.1`,
      ],
    })
    app.container.swap(
      DomainResolver,
      () =>
        ({
          resolveTxt: async (name: string) => {
            const found = records.get(name)
            if (!found) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' })
            return found
          },
        }) as unknown as DomainResolver
    )
    return async () => {
      app.container.restore(DomainResolver)
      await browser.close()
    }
  })

  test('the agency sets its brand and domain; the login page and a client on that domain see only its brand', async ({
    browserContext,
    assert,
  }) => {
    const { agency, owner, workspace } = await createTenant()
    const port = Number(env.get('PORT', 3333))
    await serveLogo(browserContext)
    await browserContext.loginAs(owner)

    /** 1. The owner fills the brand: the preview follows the fields before saving. */
    const page = await browserContext.newPage()
    page.setDefaultTimeout(60_000)
    /** The dev server may compile the page on this first visit (slow on a busy 2-core box). */
    await page.goto(`http://127.0.0.1:${port}/agencies/${agency.id}/brand`, {
      waitUntil: 'domcontentloaded',
      timeout: 120_000,
    })
    await page.locator('[data-test="agency-brand-name"]').fill('Painel Vértice')
    await page.locator('[data-test="agency-brand-logo"]').fill(LOGO)
    await page.locator('[data-test="agency-brand-color"]').fill('#1d4ed8')
    await waitForText(page, '[data-test="agency-brand-preview-name"]', 'Painel Vértice')
    await page.locator('[data-test="agency-brand-submit"]').click()
    await waitForText(page, 'body', 'Marca da agência salva.')

    /** 2. The admin shell shows it at once: name, logo, title, primary colour. */
    await waitForText(page, '[data-test="brand-name"]', 'Painel Vértice')
    await page.locator('[data-test="brand-logo"]').first().waitFor()
    assert.equal(await page.locator('[data-test="brand-logo"]').first().getAttribute('src'), LOGO)
    await page.waitForFunction(() =>
      (globalThis as any).document.title.endsWith('· Painel Vértice')
    )
    const primary = await page.evaluate(() =>
      (globalThis as any)
        .getComputedStyle((globalThis as any).document.documentElement)
        .getPropertyValue('--primary')
        .trim()
    )
    assert.equal(primary, '#1d4ed8')
    assert.notInclude(await page.locator('body').innerText(), 'Funil Digital')

    /** 3. Its admin domain: pending with the TXT record, verified once DNS holds it. */
    await page.locator('[data-test="agency-domain-input"]').fill(DOMAIN)
    await page.locator('[data-test="agency-domain-save"]').click()
    await waitForText(page, '[data-test="agency-domain-status"]', 'Pendente')
    const token = (await Agency.findOrFail(agency.id)).adminDomainToken
    await waitForText(page, '[data-test="agency-domain-record"]', `funil-verify=${token}`)
    records.set(`_funil-verify.${DOMAIN}`, [[`funil-verify=${token}`]])
    await page.locator('[data-test="agency-domain-verify"]').click()
    await waitForText(page, '[data-test="agency-domain-status"]', 'Verificado')
    TtlCache.clearAll()

    /** 4. A client of one of its workspaces opens the agency's domain in a fresh browser. */
    const clientUser = await workspaceMember(workspace, 'editor')
    const context = await browser.newContext({ locale: 'pt-BR' })
    try {
      await serveLogo(context)
      const login = await context.newPage()
      login.setDefaultTimeout(60_000)
      await login.goto(`http://${DOMAIN}:${port}/login`, {
        waitUntil: 'domcontentloaded',
        timeout: 120_000,
      })
      await login.locator('[data-test="login-email"]').waitFor()
      await login.waitForFunction(() =>
        (globalThis as any).document.title.endsWith('· Painel Vértice')
      )
      assert.equal(await login.locator('[data-test="brand-name"]').innerText(), 'Painel Vértice')
      assert.equal(await login.locator('link[rel="icon"]').getAttribute('href'), LOGO)
      assert.notInclude(await login.locator('body').innerText(), 'Funil Digital')
      assert.equal(await login.locator('[data-test="login-signup"]').count(), 0)
      if (process.env.SCREENSHOT_DIR) {
        await login.screenshot({ path: `${process.env.SCREENSHOT_DIR}/agency-login.png` })
      }

      await login.locator('[data-test="login-email"]').fill(clientUser.email)
      await login.locator('[data-test="login-password"]').fill(FACTORY_PASSWORD)
      await login.locator('[data-test="login-submit"]').click()
      await login.waitForURL(new RegExp(`^http://${DOMAIN.replace(/\./g, '\\.')}:${port}/w/`))
      await login.locator('[data-test="brand-name"]').first().waitFor()
      assert.equal(
        await login.locator('[data-test="brand-name"]').first().innerText(),
        'Painel Vértice'
      )
      await login.waitForFunction(() =>
        (globalThis as any).document.title.endsWith('· Painel Vértice')
      )
      assert.notInclude(await login.locator('body').innerText(), 'Funil Digital')
      assert.notInclude(await login.title(), 'Funil Digital')
      if (process.env.SCREENSHOT_DIR) {
        await login.screenshot({ path: `${process.env.SCREENSHOT_DIR}/agency-admin.png` })
      }
    } finally {
      await context.close()
    }
  }).timeout(300_000)

  test('the owner uploads a logo file: the admin shell shows the uploaded image', async ({
    browserContext,
    assert,
  }) => {
    const { agency, owner } = await createTenant()
    const port = Number(env.get('PORT', 3333))
    await browserContext.loginAs(owner)
    const page = await browserContext.newPage()
    page.setDefaultTimeout(60_000)
    await page.goto(`http://127.0.0.1:${port}/agencies/${agency.id}/brand`, {
      waitUntil: 'domcontentloaded',
      timeout: 120_000,
    })
    await page.locator('[data-test="agency-brand-file-logo"]').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
        'base64'
      ),
    })
    await page.locator('[data-test="agency-brand-upload-logo-submit"]').click()
    await waitForText(page, 'body', 'Marca da agência salva.')
    const logo = page.locator('[data-test="brand-logo"]').first()
    await logo.waitFor()
    assert.match(String(await logo.getAttribute('src')), /^\/brand-assets\/\d+\/logo\?v=/)
    /** The image really loads (served by the app, not a broken link). */
    await page.waitForFunction(() => {
      const img = (globalThis as any).document.querySelector('[data-test="brand-logo"]')
      return !!img && img.complete && img.naturalWidth > 0
    })
  }).timeout(300_000)
})
