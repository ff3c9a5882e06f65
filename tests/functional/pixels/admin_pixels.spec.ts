import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { asInertia } from '#tests/helpers/inertia'
import { agencyMember, createTenant, workspaceMember } from '#tests/helpers/tenants'
import TrackingPixel from '#models/tracking_pixel'
import { expectStatus, funnelWithSteps, pixelOf } from './fixtures.js'
import { route } from '#tests/helpers/routes'

test.group('Admin pixels page', (group) => {
  freshDatabase(group)

  test('lists the pixels with their funnel and step, and the funnels for the form', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, 2)
    const whole = await pixelOf(workspace, funnel.id)
    const onStep = await pixelOf(workspace, funnel.id, {
      pixelType: 'google',
      pixelId: 'G-ABC123',
      stepId: steps[1].id,
      eventName: 'purchase',
    })

    const response = await asInertia(
      client.get(route('w.pixels.index', { workspaceSlug: workspace.slug })).loginAs(owner)
    )
    response.assertStatus(200)
    const { component, props } = response.body()
    assert.equal(component, 'pixels/index')
    assert.deepEqual(
      props.pixels.data.map((pixel: any) => pixel.id),
      [whole.id, onStep.id]
    )
    assert.containSubset(props.pixels.data[1], {
      pixelType: 'google',
      funnel: { id: funnel.id, name: funnel.name },
      step: { id: steps[1].id, name: steps[1].name },
      eventName: 'purchase',
    })
    assert.deepEqual(props.funnels, [
      {
        id: funnel.id,
        name: funnel.name,
        steps: steps.map((step) => ({ id: step.id, name: step.name })),
      },
    ])
    assert.deepEqual(props.filters, { funnelId: null })
    assert.equal(props.pixels.meta.total, 2)
  })

  test('filters by funnel', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const first = await funnelWithSteps(workspace, 1)
    const second = await funnelWithSteps(workspace, 1)
    await pixelOf(workspace, first.funnel.id)
    const kept = await pixelOf(workspace, second.funnel.id)
    const response = await asInertia(
      client
        .get(
          `${route('w.pixels.index', { workspaceSlug: workspace.slug })}?funnel_id=${second.funnel.id}`
        )
        .loginAs(owner)
    )
    assert.deepEqual(
      response.body().props.pixels.data.map((pixel: any) => pixel.id),
      [kept.id]
    )
    assert.deepEqual(response.body().props.filters, { funnelId: second.funnel.id })
  })

  test('creates, updates and deletes through the same actions as the API', async ({
    client,
    assert,
  }) => {
    const { owner, workspace } = await createTenant()
    const { funnel, steps } = await funnelWithSteps(workspace, 2)
    const base = route('w.pixels.index', { workspaceSlug: workspace.slug })

    const created = await asInertia(
      client
        .post(base)
        .header('referer', base)
        .json({
          pixelType: 'tiktok',
          funnelId: String(funnel.id),
          stepId: String(steps[0].id),
          pixelId: 'c4abcdef1234567890ab',
          eventName: '',
          isActive: 'true',
        })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    created.assertStatus(302)
    created.assertHeader('location', base)
    created.assertFlashMessage('success', 'Pixel criado')
    const pixel = await TrackingPixel.findByOrFail('workspace_id', workspace.id)
    assert.equal(pixel.pixelId, 'C4ABCDEF1234567890AB')
    assert.equal(pixel.stepId, steps[0].id)
    assert.isNull(pixel.eventName)

    const updated = await asInertia(
      client
        .put(`${base}/${pixel.id}`)
        .header('referer', base)
        .json({ stepId: '', eventName: 'CompletePayment', isActive: 'false' })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    updated.assertStatus(303)
    await pixel.refresh()
    assert.isNull(pixel.stepId)
    assert.equal(pixel.eventName, 'CompletePayment')
    assert.isFalse(pixel.isActive)

    const deleted = await asInertia(
      client
        .delete(`${base}/${pixel.id}`)
        .header('referer', base)
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    deleted.assertStatus(303)
    assert.isNull(await TrackingPixel.find(pixel.id))
  })

  test('invalid input goes back with field errors', async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const { funnel } = await funnelWithSteps(workspace, 1)
    const base = route('w.pixels.index', { workspaceSlug: workspace.slug })
    const response = await asInertia(
      client
        .post(base)
        .header('referer', base)
        .json({ pixelType: 'facebook', funnelId: funnel.id, pixelId: '123' })
        .withCsrfToken()
        .loginAs(owner)
        .redirects(0)
    )
    response.assertStatus(302)
    assert.deepEqual(
      (response.flashMessages().inputErrorsBag as Record<string, string[]>).pixelId,
      ['O ID do pixel da Meta tem 15 ou 16 dígitos']
    )
    assert.lengthOf(await TrackingPixel.all(), 0)
  })

  test("another workspace's page and pixels are a 404", async ({ client, assert }) => {
    const { owner, workspace } = await createTenant()
    const other = await createTenant()
    const foreign = await funnelWithSteps(other.workspace, 1)
    const pixel = await pixelOf(other.workspace, foreign.funnel.id)

    await expectStatus(
      asInertia(
        client.get(route('w.pixels.index', { workspaceSlug: other.workspace.slug })).loginAs(owner)
      ),
      404
    )
    for (const request of [
      client
        .put(route('w.pixels.update', { workspaceSlug: workspace.slug, id: pixel.id }))
        .json({ eventName: 'Lead' }),
      client.delete(route('w.pixels.destroy', { workspaceSlug: workspace.slug, id: pixel.id })),
    ]) {
      const response = await asInertia(request.withCsrfToken().loginAs(owner).redirects(0))
      response.assertStatus(404)
    }
    await pixel.refresh()
    assert.isNull(pixel.eventName)
  })

  test('viewers see the page without write permission and get 403 on writes', async ({
    client,
    assert,
  }) => {
    const { agency, workspace } = await createTenant()
    const { funnel } = await funnelWithSteps(workspace, 1)
    const pixel = await pixelOf(workspace, funnel.id)
    const base = route('w.pixels.index', { workspaceSlug: workspace.slug })
    for (const viewer of [
      await agencyMember(agency, 'viewer'),
      await workspaceMember(workspace, 'viewer'),
    ]) {
      const page = await asInertia(client.get(base).loginAs(viewer))
      page.assertStatus(200)
      assert.isFalse(page.body().props.workspace.can.write)
      assert.lengthOf(page.body().props.pixels.data, 1)

      for (const request of [
        client
          .post(base)
          .json({ pixelType: 'facebook', funnelId: funnel.id, pixelId: '123456789012345' }),
        client.put(`${base}/${pixel.id}`).json({ eventName: 'Lead' }),
        client.delete(`${base}/${pixel.id}`),
      ]) {
        const response = await asInertia(request.withCsrfToken().loginAs(viewer).redirects(0))
        response.assertStatus(403)
      }
    }
    await pixel.refresh()
    assert.isNull(pixel.eventName)
    assert.lengthOf(await TrackingPixel.all(), 1)
  })
})
