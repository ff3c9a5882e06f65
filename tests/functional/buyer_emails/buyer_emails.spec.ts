import { test } from '@japa/runner'
import env from '#start/env'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import Payment from '#models/payment'
import FunnelStep from '#models/funnel_step'
import ApplyPaymentTransition from '#actions/payments/apply_payment_transition'
import PlanPaymentPostbacks from '#actions/postbacks/plan_payment_postbacks'
import SweepAbandonedCheckouts from '#actions/checkout_sessions/sweep_abandoned_checkouts'
import queue from '#services/queue'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { siteRequest } from '#tests/helpers/site_client'
import { SmtpCatcher, linkIn } from '#tests/helpers/smtp_catcher'
import { BUYER, emptyQueues, sellingFunnel } from '#tests/functional/payments/helpers'

const json = { 'content-type': 'application/json', 'accept': 'application/json' }

/** A shop whose checkout creates a sandbox PIX for BUYER; returns the pending payment. */
async function pixOf(slug = 'acme', settings: Record<string, unknown> = {}) {
  const tenant = await createTenant({ workspaceSlug: slug })
  tenant.workspace.settings = { ...(tenant.workspace.settings ?? {}), ...settings }
  await tenant.workspace.save()
  const made = await sellingFunnel(tenant.workspace)
  await FunnelStep.query()
    .where('id', made.steps.thankyou.id)
    .update({
      content: JSON.stringify({
        message: 'Acesse a área de membros com o seu e-mail.',
        links: [{ label: 'Área de membros', url: 'https://membros.exemplo.com/entrar' }],
      }),
    })
  const response = await siteRequest(`${slug}.localhost`, `/_funil/checkout/${made.checkout.id}`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ ...BUYER, bumps: [0] }),
  })
  if (response.status !== 201)
    throw new Error(`checkout answered ${response.status}: ${response.body}`)
  const token = JSON.parse(response.body).payment.token
  const payment = await Payment.query().where('public_token', token).firstOrFail()
  return { ...tenant, ...made, payment }
}

/** What the postbacks job of a transition does (planning includes the buyer's e-mail). */
async function plan(payment: Payment, status: string) {
  return PlanPaymentPostbacks.handle({
    workspaceId: payment.workspaceId,
    paymentId: payment.id,
    status,
  })
}

async function rows(paymentId: number) {
  return db.from('buyer_emails').where('payment_id', paymentId).orderBy('id')
}

test.group('Buyer e-mails (read from a real SMTP server)', (group) => {
  freshDatabase(group)
  let catcher: SmtpCatcher
  group.setup(async () => {
    catcher = await new SmtpCatcher().start()
    return () => catcher.close()
  })
  group.each.setup(async () => {
    await emptyQueues()
    catcher.messages.length = 0
  })

  test('PIX gerado: amount, copia-e-cola, QR as an inline cid PNG, expiry, link to the PIX page, workspace sender and reply-to', async ({
    assert,
  }) => {
    const { payment, workspace } = await pixOf('acme', {
      buyerEmails: {
        senderName: 'Doces da Ana',
        replyTo: 'ana@doces.com.br',
        brandColor: '#AA3366',
      },
    })
    await plan(payment, 'pending')
    const mail = await catcher.waitFor(BUYER.email)
    assert.equal(mail.subject, 'Seu PIX de R$ 226,90 — Doces da Ana')
    assert.equal(mail.from, '"Doces da Ana" <nao-responda@funil.test>')
    assert.include(mail.replyTo ?? '', 'ana@doces.com.br')
    assert.include(mail.text, payment.pixCode!)
    assert.include(mail.text, 'R$ 226,90')
    assert.include(mail.text, 'Apostila impressa')
    const expiry = payment.expiresAt!.setZone(workspace.timezone).toFormat('dd/MM/yyyy HH:mm')
    assert.include(mail.text, `Válido até: ${expiry}`)
    const link = linkIn(mail, '/_funil/pay/')
    /** Development links (public_url.ts): APP_URL's scheme and port on {slug}.localhost. */
    const appPort = new URL(env.get('APP_URL')!).port
    assert.equal(link, `http://acme.localhost:${appPort}/_funil/pay/${payment.publicToken}`)
    /** The QR is a real inline attachment referenced by cid, never a data URL. */
    const qr = mail.attachments?.find((a) => a.contentType === 'image/png')
    assert.exists(qr)
    assert.isAbove(qr!.size, 200)
    /** Sent as `<img src="cid:pix-qr">` (the parser of the catcher inlines it for display). */
    assert.equal(qr!.cid, 'pix-qr')
    assert.match(mail.html, /<img [^>]*alt="QR Code do PIX"/)
    assert.include(mail.html, '#aa3366')

    await catcher.settle()
    const [row] = await rows(payment.id)
    assert.equal(row.kind, 'pix_generated')
    assert.equal(row.status, 'sent')
    assert.isNotNull(row.sent_at)
  })

  test('logo: the HTML e-mail shows the workspace logo (escaped, alt = brand name, 48 px high, width for Outlook); the text version does not change', async ({
    assert,
  }) => {
    const logo = 'https://cdn.doces.com.br/logo.png?v=2&size=96'
    const { payment } = await pixOf('acme', {
      buyerEmails: { senderName: 'Doces & Cia "Ana"', logoUrl: logo },
    })
    await plan(payment, 'pending')
    const mail = await catcher.waitFor(BUYER.email)
    const brand = mail.html.match(/<td data-test="mail-brand"[^>]*>([\s\S]*?)<\/td>/)
    assert.exists(brand)
    const img = brand![1].match(/<img [^>]*>/)?.[0] ?? ''
    assert.include(img, `src="https://cdn.doces.com.br/logo.png?v=2&amp;size=96"`)
    assert.include(img, 'alt="Doces &amp; Cia &quot;Ana&quot;"')
    assert.match(img, /width="\d+"/)
    assert.include(img, 'max-height:48px')
    /** The logo replaces the name as the header; the text version stays as it was. */
    assert.notInclude(brand![1].replace(img, ''), 'Doces')
    assert.notInclude(mail.text, 'cdn.doces.com.br')
    assert.match(mail.text, /^Falta só pagar o PIX/m)
  })

  test('no logo: the workspace name is the text header of the HTML e-mail', async ({ assert }) => {
    const { payment } = await pixOf('acme', { buyerEmails: { senderName: 'Doces da Ana' } })
    await plan(payment, 'pending')
    const mail = await catcher.waitFor(BUYER.email)
    const brand = mail.html.match(/<td data-test="mail-brand"[^>]*>([\s\S]*?)<\/td>/)
    assert.equal(brand?.[1], 'Doces da Ana')
    assert.notInclude(mail.html, '<img src="https://')
  })

  test('pagamento aprovado: order number, items, total and the thank-you step access content; edited subject and intro', async ({
    assert,
  }) => {
    const { payment, workspace } = await pixOf('acme', {
      buyerEmails: {
        texts: {
          payment_approved: {
            subject: 'Pedido {pedido} confirmado, {nome}!',
            intro: 'Bem-vinda à {loja}.',
          },
        },
      },
    })
    await ApplyPaymentTransition.handle({
      workspaceId: payment.workspaceId,
      paymentId: payment.id,
      to: 'paid',
      source: 'admin',
    })
    await plan(payment, 'paid')
    const mail = await catcher.waitFor(BUYER.email)
    const order = `#${String(payment.id).padStart(6, '0')}`
    assert.equal(mail.subject, `Pedido ${order} confirmado, Maria!`)
    assert.include(mail.text, `Bem-vinda à ${workspace.name}.`)
    assert.include(mail.text, `Pedido ${order}`)
    assert.include(mail.text, 'Curso de Confeitaria')
    assert.include(mail.text, 'Total: R$ 226,90')
    assert.include(mail.text, 'Acesse a área de membros com o seu e-mail.')
    assert.include(mail.text, 'https://membros.exemplo.com/entrar')
  })

  test('PIX expirado: a "Gerar novo PIX" link back to the checkout pre-filled from this payment', async ({
    assert,
  }) => {
    const { payment, funnel, checkout } = await pixOf()
    await ApplyPaymentTransition.handle({
      workspaceId: payment.workspaceId,
      paymentId: payment.id,
      to: 'expired',
      source: 'expiry',
    })
    await plan(payment, 'expired')
    const mail = await catcher.waitFor(BUYER.email)
    assert.equal(mail.subject, 'Seu PIX expirou — gere um novo em um clique')
    assert.include(mail.text, 'Gerar novo PIX: ')
    const link = linkIn(mail, `/${funnel.slug}/${checkout.slug}`)
    assert.equal(new URL(link).searchParams.get('retry'), payment.publicToken)
  })

  test('exactly once: the fact planned three times and duplicate send jobs running together give one e-mail', async ({
    assert,
  }) => {
    const { payment } = await pixOf()
    await Promise.all([
      plan(payment, 'pending'),
      plan(payment, 'pending'),
      plan(payment, 'pending'),
    ])
    const [row] = await rows(payment.id)
    /** Jobs under other ids (a lost job re-queued, a sweep) race the planned one. */
    await Promise.all(
      [1, 2, 3].map((n) =>
        queue
          .queue('mail')
          .add(
            'send_buyer_email',
            { workspaceId: payment.workspaceId, buyerEmailId: Number(row.id) },
            { jobId: `dup-${row.id}-${n}` }
          )
      )
    )
    await catcher.waitFor(BUYER.email)
    await catcher.settle()
    await plan(payment, 'pending')
    await catcher.settle()
    assert.lengthOf(catcher.to(BUYER.email), 1)
    assert.lengthOf(await rows(payment.id), 1)
  })

  test('nothing for a paid payment planned late as "PIX gerado", nor when the workspace turned the e-mails off', async ({
    assert,
  }) => {
    const { payment } = await pixOf('acme', { buyerEmails: { enabled: false } })
    await plan(payment, 'pending')
    const other = await pixOf('beta')
    await Payment.query()
      .where('id', other.payment.id)
      .update({ status: 'paid', paid_at: DateTime.now().toSQL() })
    await plan(await Payment.findOrFail(other.payment.id), 'pending')
    await catcher.settle()
    assert.lengthOf(catcher.messages, 0)
    assert.lengthOf(await rows(payment.id), 0)
    assert.lengthOf(await rows(other.payment.id), 0)
  })

  test('recovery e-mail (when the workspace turned it on): once per abandoned checkout, with the one-click link', async ({
    assert,
  }) => {
    const tenant = await createTenant({ workspaceSlug: 'doces' })
    tenant.workspace.settings = { recovery: { emailEnabled: true } }
    await tenant.workspace.save()
    const made = await sellingFunnel(tenant.workspace)
    await siteRequest('doces.localhost', `/_funil/checkout/${made.checkout.id}/session`, {
      method: 'POST',
      headers: { ...json, cookie: 'fd_sid=abcdefghijklmnopqrstuvwx' },
      body: JSON.stringify({ name: 'Joana Prado', email: 'joana@exemplo.com' }),
    })
    const later = new Date(Date.now() + 31 * 60_000)
    await SweepAbandonedCheckouts.handle({ now: later })
    await SweepAbandonedCheckouts.handle({ now: new Date(Date.now() + 60 * 60_000) })
    const mail = await catcher.waitFor('joana@exemplo.com')
    assert.equal(mail.subject, `Joana, seu pedido em ${tenant.workspace.name} ficou pela metade`)
    const session = await db.from('checkout_sessions').firstOrFail()
    const link = linkIn(mail, `/${made.funnel.slug}/${made.checkout.slug}`)
    assert.equal(new URL(link).searchParams.get('recover'), session.token)
    await catcher.settle()
    assert.lengthOf(catcher.to('joana@exemplo.com'), 1)
  })
})
