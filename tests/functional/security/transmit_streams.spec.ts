import { test } from '@japa/runner'
import { freshDatabase } from '#tests/helpers/database'
import { apiToken, createTenant } from '#tests/helpers/tenants'
import { SseClient } from '#tests/helpers/sse_client'
import { serverUrl } from '#tests/helpers/server'
import { BrowserSession } from '#tests/helpers/browser_session'
import { FACTORY_PASSWORD } from '#database/factories/user_factory'
import { broadcastToWorkspace } from '#services/realtime'
import { route } from '#tests/helpers/routes'

/** `POST /__transmit/{subscribe|unsubscribe}` with a given uid and credentials; the status. */
async function streamCall(
  action: 'subscribe' | 'unsubscribe',
  uid: string,
  channel: string,
  headers: Record<string, string>
) {
  const response = await fetch(new URL(`/__transmit/${action}`, serverUrl('localhost')), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ uid, channel }),
    redirect: 'manual',
  })
  return response.status
}

/**
 * Issue 11, item 7: a Transmit stream belongs to the session or token that opened it. Two real
 * users, each with their own workspace, and real SSE connections.
 */
test.group('Transmit streams bound to their owner', (group) => {
  freshDatabase(group)

  let clients: SseClient[] = []
  group.each.teardown(() => {
    clients.forEach((client) => client.close())
    clients = []
  })

  async function open(headers: Record<string, string>, uid?: string) {
    const client = new SseClient(serverUrl('localhost'), headers)
    if (uid) client.uid = uid as typeof client.uid
    clients.push(client)
    await client.connect()
    return client
  }

  async function twoTenants() {
    const alice = await createTenant()
    const bob = await createTenant()
    return {
      alice,
      bob,
      aliceAuth: { authorization: `Bearer ${await apiToken(alice.owner, null)}` },
      bobAuth: { authorization: `Bearer ${await apiToken(bob.owner, null)}` },
    }
  }

  test("another user cannot subscribe or unsubscribe someone else's stream", async ({ assert }) => {
    const { alice, bob, aliceAuth, bobAuth } = await twoTenants()
    const aliceChannel = `workspaces/${alice.workspace.id}`
    const stream = await open(aliceAuth)
    assert.equal(await stream.subscribe(aliceChannel), 204)

    // Bob, with Alice's uid: his own (authorised) channel onto her stream, and her channel off it.
    assert.equal(
      await streamCall('subscribe', stream.uid, `workspaces/${bob.workspace.id}`, bobAuth),
      403
    )
    assert.equal(await streamCall('unsubscribe', stream.uid, aliceChannel, bobAuth), 403)

    const bobPayment = `bob-${Date.now()}`
    broadcastToWorkspace(bob.workspace.id, 'new_payment', { paymentId: bobPayment })
    /** Other test servers on the same Redis broadcast too (pub/sub ignores the db): match ours. */
    const nonce = `p1-${Date.now()}`
    broadcastToWorkspace(alice.workspace.id, 'new_payment', { paymentId: nonce })
    const message = await stream.waitFor(
      (m) => m.channel === aliceChannel && m.payload.paymentId === nonce
    )
    assert.equal(
      message.payload.event,
      'new_payment',
      'still subscribed: the unsubscribe was refused'
    )
    await new Promise((resolve) => setTimeout(resolve, 300))
    assert.isFalse(
      stream.messages.some((m) => m.payload?.paymentId === bobPayment),
      'nothing of Bob was pushed onto her stream'
    )
  })

  test("opening a stream under someone else's uid is refused, and the owner keeps it", async ({
    assert,
  }) => {
    const { alice, aliceAuth, bobAuth } = await twoTenants()
    const aliceChannel = `workspaces/${alice.workspace.id}`
    const stream = await open(aliceAuth)
    await assert.rejects(() => open(bobAuth, stream.uid), /SSE 403/)

    // Alice subscribes after the attempt: her events reach her stream, not a hijacker's.
    assert.equal(await stream.subscribe(aliceChannel), 204)
    const visitorId = `v1-${Date.now()}`
    broadcastToWorkspace(alice.workspace.id, 'visitor_online', { visitorId })
    const message = await stream.waitFor(
      (m) => m.channel === aliceChannel && m.payload.visitorId === visitorId
    )
    assert.equal(message.payload.event, 'visitor_online')
  })

  test('the same user with another token is another owner; the owner reconnects with its uid', async ({
    assert,
  }) => {
    const { alice, aliceAuth } = await twoTenants()
    const otherToken = { authorization: `Bearer ${await apiToken(alice.owner, null)}` }
    const stream = await open(aliceAuth)
    assert.equal(
      await streamCall('subscribe', stream.uid, `workspaces/${alice.workspace.id}`, otherToken),
      403
    )
    stream.close()
    await new Promise((resolve) => setTimeout(resolve, 100))
    // transmit-client reconnects with the same uid: still its owner's.
    const again = await open(aliceAuth, stream.uid)
    assert.equal(await again.subscribe(`workspaces/${alice.workspace.id}`), 204)
    await assert.rejects(() => open(otherToken, stream.uid), /SSE 403/)
  })

  test('signed-in sessions: a second user cannot use the first one’s stream uid', async ({
    assert,
  }) => {
    const { alice, bob } = await twoTenants()
    const aliceBrowser = await new BrowserSession().login(alice.owner.email, FACTORY_PASSWORD)
    const bobBrowser = await new BrowserSession().login(bob.owner.email, FACTORY_PASSWORD)
    const asBrowser = (browser: BrowserSession) => ({
      'cookie': browser.cookieHeader(),
      'x-xsrf-token': browser.xsrfToken!,
    })
    const stream = await open(asBrowser(aliceBrowser))
    assert.equal(await stream.subscribe(`workspaces/${alice.workspace.id}`), 204)
    assert.equal(
      await streamCall(
        'subscribe',
        stream.uid,
        `workspaces/${bob.workspace.id}`,
        asBrowser(bobBrowser)
      ),
      403
    )
    assert.equal(
      await streamCall(
        'unsubscribe',
        stream.uid,
        `workspaces/${alice.workspace.id}`,
        asBrowser(bobBrowser)
      ),
      403
    )
    await assert.rejects(() => open(asBrowser(bobBrowser), stream.uid), /SSE 403/)
  })

  test('anonymous callers open nothing and subscribe nothing; a malformed uid is a 400', async ({
    assert,
  }) => {
    const { alice, aliceAuth } = await twoTenants()
    const stream = await open(aliceAuth)
    await assert.rejects(() => open({}), /SSE 401/)
    /** An anonymous browser with a valid CSRF token (past shield), but nobody signed in. */
    const anonymous = new BrowserSession()
    await anonymous.request(route('session.create'))
    const anonymousHeaders = {
      'cookie': anonymous.cookieHeader(),
      'x-xsrf-token': anonymous.xsrfToken!,
    }
    await assert.rejects(() => open(anonymousHeaders), /SSE 401/)
    assert.equal(
      await streamCall(
        'subscribe',
        stream.uid,
        `workspaces/${alice.workspace.id}`,
        anonymousHeaders
      ),
      401
    )
    assert.equal(
      await streamCall('subscribe', 'x'.repeat(300), `workspaces/${alice.workspace.id}`, aliceAuth),
      400
    )
  })
})
