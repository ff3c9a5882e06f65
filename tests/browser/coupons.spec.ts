import { test } from '@japa/runner'
import Payment from '#models/payment'
import FunnelStep from '#models/funnel_step'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { checkChargeCode, isValidBrCode } from '#services/br_code'
import { emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'
import { publish } from '#tests/helpers/publish'
import env from '#start/env'

test.group('Coupons in Chromium: the agency creates one, a buyer uses it', (group) => {
  freshDatabase(group)
  group.each.setup(() => emptyQueues())

  test('create a coupon in the admin, open the checkout with ?cupom=, pay the discounted PIX', async ({
    visit,
    browserContext,
    assert,
  }) => {
    const { owner, workspace } = await createTenant({ workspaceSlug: 'loja-cupom' })
    const { funnel, checkout, steps } = await sellingFunnel(workspace)
    await FunnelStep.query().where('id', steps.upsell.id).update({ is_active: false })
    await publish(funnel)

    /** The agency: Cupons in the sidebar → "Novo cupom" → 20 %, 5 uses, this funnel only. */
    await browserContext.loginAs(owner)
    const admin = await visit(`${serverUrl()}/w/${workspace.slug}/funnels`)
    await admin.locator('[data-test="nav-coupons"]').click()
    await admin.assertTextContains('[data-test="page-title"]', 'Cupons de desconto')
    await admin.locator('[data-test="new-coupon"]').click()
    await admin.locator('[data-test="coupon-code"]').fill('black20')
    await admin.locator('[data-test="coupon-percent"]').fill('20')
    await admin.locator('[data-test="coupon-max-uses"]').fill('5')
    await admin.locator(`[data-test="coupon-funnel-${funnel.id}"]`).check()
    await admin.locator('[data-test="coupon-submit"]').click()
    const row = '[data-test="coupon-row-BLACK20"]'
    await admin.waitForSelector(row)
    await admin.assertTextContains('[data-test="coupon-discount-BLACK20"]', '20%')
    await admin.assertTextContains('[data-test="coupon-status-BLACK20"]', 'Ativo')
    await admin.assertTextContains('[data-test="coupon-usage-BLACK20"]', '0 / 5')

    /** The buyer: a link with ?cupom= pre-applies it; the total is priced by the server. */
    const host = `http://loja-cupom.localhost:${env.get('PORT', 3334)}`
    const page = await browserContext.newPage()
    await page.goto(`${host}/${funnel.slug}/${checkout.slug}?cupom=black20`)
    await page.waitForSelector('[data-coupon][data-coupon-state="applied"]')
    /** 20 % of R$ 197,00 = R$ 39,40. */
    await page.locator('[data-discount-line]:not([hidden])').waitFor()
    assert.equal(await page.locator('[data-discount]').textContent(), '-R$ 39,40')
    assert.equal(await page.locator('[data-total]').textContent(), 'R$ 157,60')
    assert.equal(await page.locator('input[name="coupon"]').inputValue(), 'BLACK20')

    /** Ticking a bump asks the server again: 20 % of R$ 226,90 = R$ 45,38. */
    await page.locator('input[name="bumps[]"][value="0"]').check()
    await page.locator('[data-discount]', { hasText: '-R$ 45,38' }).waitFor()
    assert.equal(await page.locator('[data-total]').textContent(), 'R$ 181,52')

    await page.locator('input[name="name"]').fill('Maria da Silva')
    await page.locator('input[name="email"]').fill('maria@exemplo.com.br')
    await page.locator('input[name="phone"]').pressSequentially('11912345678')
    await page.locator('input[name="cpf"]').pressSequentially('52998224725')
    await page.locator('form[data-checkout-form] button[type="submit"]').click()

    await page.waitForURL(/\/_funil\/pay\/[0-9a-f]{32}$/)
    assert.equal(
      (await page.locator('[data-test="pay-amount"]').textContent())?.trim(),
      'R$ 181,52'
    )
    assert.include(
      (await page.locator('[data-test="pay-discount"]').textContent()) ?? '',
      'Desconto (cupom BLACK20)'
    )
    const code = await page.locator('[data-test="pix-code"]').inputValue()
    assert.isTrue(isValidBrCode(code))
    assert.deepEqual(checkChargeCode(code, 18152), { ok: true }, 'the PIX charges the discount')

    const payment = await Payment.query()
      .where('public_token', page.url().split('/').pop()!)
      .firstOrFail()
    assert.equal(payment.subtotalCents, 22690)
    assert.equal(payment.discountCents, 4538)
    assert.equal(payment.amountCents, 18152)
    assert.equal(payment.couponCode, 'BLACK20')

    /** Back in the admin, the use is counted. */
    await admin.reload()
    await admin.assertTextContains('[data-test="coupon-usage-BLACK20"]', '1 / 5')
  })

  test('a refused code shows its pt-BR reason under the field and the total stays', async ({
    visit,
    assert,
  }) => {
    const { workspace } = await createTenant({ workspaceSlug: 'loja-cupom' })
    const { funnel, checkout } = await sellingFunnel(workspace)
    await workspace.related('coupons').create({
      code: 'PAUSADO',
      discountType: 'percent',
      percentOff: 10,
      isActive: false,
    } as any)
    const host = `http://loja-cupom.localhost:${env.get('PORT', 3334)}`
    const page = await visit(`${host}/${funnel.slug}/${checkout.slug}`)
    await page.locator('[data-coupon-details] summary').click()
    await page.locator('input[name="coupon"]').fill('pausado')
    await page.locator('[data-coupon-apply]').click()
    await page.waitForSelector('[data-coupon][data-coupon-state="refused"]')
    await page.assertTextContains('[data-coupon] .field-error', 'Este cupom não está mais ativo.')
    assert.equal(await page.locator('[data-total]').textContent(), 'R$ 197,00')
    assert.isTrue(await page.locator('[data-discount-line]').isHidden())
  })
})
