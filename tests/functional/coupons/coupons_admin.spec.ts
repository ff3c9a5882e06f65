import { test } from '@japa/runner'
import Coupon from '#models/coupon'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { apiToken, createTenant, workspaceMember } from '#tests/helpers/tenants'
import { aCoupon } from '#tests/functional/coupons/helpers'
import { route } from '#tests/helpers/routes'

test.group('Coupons API', (group) => {
  freshDatabase(group)

  test('create (snake_case, as documented), list with usage, show, partial update', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const token = await apiToken(owner, workspace)
    const created = await client
      .post(route('api.coupons.store'))
      .bearerToken(token)
      .json({
        code: 'black10',
        discount_type: 'percent',
        percent_off: 10,
        max_uses: 100,
        max_uses_per_buyer: 1,
        min_order_cents: 5000,
        expires_at: '2030-12-31T23:59:00-03:00',
        funnel_ids: [funnel.id],
      })
    assert.equal(created.status(), 201, JSON.stringify(created.body()))
    const coupon = created.body().coupon
    assert.containSubset(coupon, {
      code: 'BLACK10',
      discountType: 'percent',
      percentOff: 10,
      amountOffCents: null,
      maxUses: 100,
      maxUsesPerBuyer: 1,
      minOrderCents: 5000,
      isActive: true,
      funnels: [{ id: funnel.id, name: funnel.name }],
      usage: { taken: 0, paid: 0, pending: 0, discountCents: 0 },
    })
    assert.equal(coupon.expiresAt, '2031-01-01T02:59:00.000+00:00')

    const list = await client.get(route('api.coupons.index')).bearerToken(token)
    list.assertStatus(200)
    assert.lengthOf(list.body().data, 1)
    assert.equal(list.body().meta.total, 1)

    const updated = await client
      .put(route('api.coupons.update', { id: coupon.id }))
      .bearerToken(token)
      .json({ is_active: false, discount_type: 'fixed', amount_off_cents: 2500 })
    updated.assertStatus(200)
    assert.containSubset(updated.body().coupon, {
      isActive: false,
      discountType: 'fixed',
      amountOffCents: 2500,
      percentOff: null,
      maxUses: 100,
      funnels: [{ id: funnel.id }],
    })
    const shown = await client.get(route('api.coupons.show', { id: coupon.id })).bearerToken(token)
    assert.equal(shown.body().coupon.isActive, false)
  })

  test('422 with pt-BR field errors: code, duplicate, percent range, missing amount, foreign funnel', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreignFunnel = await FunnelFactory.merge({ workspaceId: other.workspace.id }).create()
    await aCoupon(workspace, { code: 'JATEM' })
    const token = await apiToken(owner, workspace)
    const post = (body: Record<string, unknown>) =>
      client
        .post(route('api.coupons.store'))
        .bearerToken(token)
        .header('accept-language', 'pt-BR')
        .json(body)

    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ code: 'com espaço', discountType: 'percent', percentOff: 10 }, 'code', 'Use de 3 a 40'],
      [{ code: 'jatem', discountType: 'percent', percentOff: 10 }, 'code', 'Já existe um cupom'],
      [{ code: 'CEM', discountType: 'percent', percentOff: 100 }, 'percentOff', 'até 99%'],
      [{ code: 'FIXO', discountType: 'fixed' }, 'amountOffCents', 'valor do desconto'],
      [
        { code: 'FUNIL', discountType: 'percent', percentOff: 5, funnelIds: [foreignFunnel.id] },
        'funnelIds.0',
        'Funil não encontrado',
      ],
    ]
    for (const [body, field, message] of cases) {
      const response = await post(body)
      response.assertStatus(422)
      const error = response.body().errors.find((e: any) => e.field === field)
      assert.exists(error, `${field} in ${JSON.stringify(response.body().errors)}`)
      assert.include(error.message, message)
    }
    assert.equal(
      await Coupon.query()
        .count('* as n')
        .then((r) => Number(r[0].$extras.n)),
      1
    )
  })

  test("another workspace's coupon is a 404 on every :id route; a viewer cannot write", async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await aCoupon(other.workspace, { code: 'DELES' })
    const token = await apiToken(owner, workspace)
    ;(
      await client.get(route('api.coupons.show', { id: foreign.id })).bearerToken(token)
    ).assertStatus(404)
    ;(
      await client
        .put(route('api.coupons.update', { id: foreign.id }))
        .bearerToken(token)
        .json({ isActive: false })
    ).assertStatus(404)
    await foreign.refresh()
    assert.isTrue(foreign.isActive)

    const base = route('w.coupons.index', { workspaceSlug: workspace.slug })
    const adminPut = await client
      .put(`${base}/${foreign.id}`)
      .json({ code: 'DELES', discountType: 'percent', percentOff: 50, isActive: 'false' })
      .withCsrfToken()
      .loginAs(owner)
    adminPut.assertStatus(404)
    await foreign.refresh()
    assert.equal(foreign.percentOff, 10)
    const foreignPage = await asInertia(
      client.get(route('w.coupons.index', { workspaceSlug: other.workspace.slug })).loginAs(owner)
    )
    foreignPage.assertStatus(404)

    const viewer = await workspaceMember(workspace, 'viewer')
    const viewerToken = await apiToken(viewer, workspace)
    ;(await client.get(route('api.coupons.index')).bearerToken(viewerToken)).assertStatus(200)
    ;(
      await client
        .post(route('api.coupons.store'))
        .bearerToken(viewerToken)
        .json({ code: 'VIEW', discountType: 'percent', percentOff: 5 })
    ).assertStatus(403)
  })
})

test.group('Admin coupons page', (group) => {
  freshDatabase(group)

  test('lists coupons with usage; create and deactivate from the page', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const funnel = await FunnelFactory.merge({ workspaceId: workspace.id }).create()
    const base = route('w.coupons.index', { workspaceSlug: workspace.slug })
    const created = await client
      .post(base)
      .header('referer', base)
      .json({
        code: 'natal25',
        discountType: 'fixed',
        amountOffCents: '2500',
        maxUses: '',
        minOrderCents: '10000',
        expiresAt: '',
        funnelIds: [String(funnel.id)],
        isActive: 'true',
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    created.assertStatus(302)
    created.assertFlashMessage('success', 'Cupom criado.')
    const coupon = await workspace.related('coupons').query().firstOrFail()
    assert.equal(coupon.code, 'NATAL25')
    assert.equal(coupon.amountOffCents, 2500)
    assert.isNull(coupon.maxUses)

    const page = await asInertia(client.get(base).loginAs(owner))
    page.assertStatus(200)
    assert.equal(page.body().component, 'coupons/index')
    assert.containSubset(page.body().props.coupons.data[0], {
      code: 'NATAL25',
      funnels: [{ id: funnel.id }],
      usage: { taken: 0 },
    })
    assert.deepEqual(page.body().props.funnels, [{ id: funnel.id, name: funnel.name }])

    const deactivated = await client
      .put(`${base}/${coupon.id}`)
      .header('referer', base)
      .json({
        code: 'NATAL25',
        discountType: 'fixed',
        amountOffCents: 2500,
        minOrderCents: 10000,
        funnelIds: [],
        isActive: false,
      })
      .withCsrfToken()
      .loginAs(owner)
      .redirects(0)
    deactivated.assertStatus(302)
    await coupon.refresh()
    assert.isFalse(coupon.isActive)
    await coupon.load('funnels')
    assert.lengthOf(coupon.funnels, 0)
  })
})
