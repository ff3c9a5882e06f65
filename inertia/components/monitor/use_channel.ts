import { useEffect, useRef } from 'react'
import { Transmit } from '@adonisjs/transmit-client'

let client: Transmit | null = null

/** Channels of the mounted `useChannel` hooks, which the client re-subscribes after a reconnect. */
const liveChannels = new Set<string>()

/** Fires `subscribed` (detail: the channel) each time the server confirms a subscription. */
const confirmations = new EventTarget()

/**
 * One Transmit connection per tab (session cookie + XSRF header, sent by transmit-client).
 * By default the client stops retrying after five failed attempts (about 15 s in Chromium) and
 * stays silently dead; a monitor must outlast a longer drop, so it retries until it is back.
 */
function transmit() {
  client ??= new Transmit({
    baseUrl: window.location.origin,
    maxReconnectAttempts: Number.POSITIVE_INFINITY,
    onSubscription: (channel) =>
      confirmations.dispatchEvent(new CustomEvent('subscribed', { detail: channel })),
  })
  return client
}

export type LiveMessage = { event: string } & Record<string, unknown>

/**
 * Listens to a channel while mounted (and while `channel` is set): subscribing on join and
 * unsubscribing on leave, the seed's `join_funnel` / `leave_funnel`. `onChange` reports
 * whether the subscription is live: true once the server confirms it (again after each
 * reconnect), false while the connection is down, so tests and the page can show it.
 */
export function useChannel(
  channel: string | null,
  onMessage: (message: LiveMessage) => void,
  onChange?: (subscribed: boolean) => void
) {
  const handler = useRef(onMessage)
  const changed = useRef(onChange)
  handler.current = onMessage
  changed.current = onChange
  useEffect(() => {
    if (!channel) return
    let active = true
    const connection = transmit()
    const subscription = connection.subscription(channel)
    const stop = subscription.onMessage<LiveMessage>((message) => handler.current(message))
    const confirmed = (event: Event) => {
      if ((event as CustomEvent<string>).detail === channel) changed.current?.(true)
    }
    const lost = () => changed.current?.(false)
    liveChannels.add(channel)
    confirmations.addEventListener('subscribed', confirmed)
    connection.on('disconnected', lost)
    /** create() also resolves when the server refused; an already created one fires no hook. */
    subscription
      .create()
      .then(() => active && subscription.isCreated && changed.current?.(true))
      .catch(() => active && changed.current?.(false))
    return () => {
      active = false
      stop()
      liveChannels.delete(channel)
      confirmations.removeEventListener('subscribed', confirmed)
      connection.off('disconnected', lost)
      changed.current?.(false)
      void subscription.delete().catch(() => {})
    }
  }, [channel])
}

/**
 * Calls `onReconnect` each time the connection comes back after a drop (not on the first
 * connection), so the page can re-fetch what it missed. It waits until the server has confirmed
 * the re-subscriptions (at most a few seconds): an event broadcast between the re-fetch and
 * the re-subscription would otherwise be lost.
 */
export function useReconnect(onReconnect: () => void) {
  const callback = useRef(onReconnect)
  callback.current = onReconnect
  useEffect(() => {
    let dropped = false
    let pending: Set<string> | null = null
    let timer: ReturnType<typeof setTimeout> | undefined
    const finish = () => {
      if (!pending) return
      pending = null
      clearTimeout(timer)
      callback.current()
    }
    const confirmed = (event: Event) => {
      pending?.delete((event as CustomEvent<string>).detail)
      if (pending?.size === 0) finish()
    }
    const lost = () => {
      dropped = true
      pending = null
      clearTimeout(timer)
    }
    const back = () => {
      if (!dropped) return
      dropped = false
      pending = new Set(liveChannels)
      timer = setTimeout(finish, 5000)
      if (pending.size === 0) finish()
    }
    const connection = transmit()
    connection.on('disconnected', lost)
    connection.on('connected', back)
    confirmations.addEventListener('subscribed', confirmed)
    return () => {
      clearTimeout(timer)
      connection.off('disconnected', lost)
      connection.off('connected', back)
      confirmations.removeEventListener('subscribed', confirmed)
    }
  }, [])
}
