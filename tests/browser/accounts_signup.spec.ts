import { test } from '@japa/runner'
import Funnel from '#models/funnel'
import User from '#models/user'
import { freshDatabase } from '#tests/helpers/database'
import { serverUrl } from '#tests/helpers/server'
import { SmtpCatcher, linkIn, pathOf } from '#tests/helpers/smtp_catcher'

test.group('Accounts in Chromium: sign-up', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })

  test('sign up → log in with the banner → click the e-mailed link → create a funnel', async ({
    visit,
    assert,
  }) => {
    const page = await visit(`${serverUrl()}/login`)
    await page.locator('[data-test="login-signup"]').click()
    await page.waitForURL(/\/signup$/)
    await page.assertTextContains('[data-test="page-title"]', 'Criar sua agência')

    await page.locator('[data-test="signup-name"]').fill('Carla Mendes')
    await page.locator('[data-test="signup-email"]').fill('carla@agencia-carla.test')
    await page.locator('[data-test="signup-password"]').fill('senha-da-carla-1')
    await page.locator('[data-test="signup-password-confirmation"]').fill('senha-da-carla-1')
    await page.locator('[data-test="signup-agency"]').fill('Agência Carla')
    await page.locator('[data-test="signup-workspace"]').fill('Loja Árvore Azul')
    await page.assertInputValue('[data-test="signup-workspace-slug"]', 'loja-arvore-azul')
    await page.locator('[data-test="signup-submit"]').click()
    await page.waitForURL(/\/signup\/sent$/)
    await page.assertTextContains('[data-test="check-email-text"]', 'carla@agencia-carla.test')

    /** Unverified accounts can log in; a banner asks for the confirmation. */
    await page.goto(`${serverUrl()}/login`)
    await page.locator('[data-test="login-email"]').fill('carla@agencia-carla.test')
    await page.locator('[data-test="login-password"]').fill('senha-da-carla-1')
    await page.locator('[data-test="login-submit"]').click()
    await page.waitForURL(/\/w\/loja-arvore-azul\//)
    await page.assertVisible('[data-test="unverified-banner"]')

    const mail = await catcher.waitFor('carla@agencia-carla.test')
    assert.equal(mail.subject, 'Confirme seu e-mail no Funil Digital')
    await page.goto(`${serverUrl()}${pathOf(linkIn(mail, '/verify-email/'))}`)
    await page.waitForURL(/\/w\/loja-arvore-azul\//)
    await page.assertTextContains('[data-sonner-toast]', 'E-mail confirmado')
    await page.assertNotExists('[data-test="unverified-banner"]')
    assert.isNotNull((await User.findByOrFail('email', 'carla@agencia-carla.test')).emailVerifiedAt)

    await page.goto(`${serverUrl()}/w/loja-arvore-azul/funnels`)
    await page.locator('[data-test="new-funnel"]').click()
    /** The dialog opens on its gallery: start from a blank funnel. */
    await page.locator('[data-test="template-card-blank"]').click()
    await page.locator('[data-test="funnel-name"]').fill('Primeiro Funil')
    await page.locator('[data-test="funnel-submit"]').click()
    await page.waitForURL(/\/w\/loja-arvore-azul\/funnels\/\d+/)
    await page.assertTextContains('[data-test="page-title"]', 'Primeiro Funil')
    assert.isNotNull(await Funnel.findBy('slug', 'primeiro-funil'))
  })
})
