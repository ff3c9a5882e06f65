import { useEffect, useRef } from 'react'
import { Transmit } from '@adonisjs/transmit-client'

let client: Transmit | null = null

/** One Transmit connection per tab (session cookie + XSRF header, sent by transmit-client). */
function transmit() {
  client ??= new Transmit({ baseUrl: window.location.origin })
  return client
}

export type LiveMessage = { event: string } & Record<string, unknown>

/**
 * Listens to a channel while mounted (and while `channel` is set): subscribing on join and
 * unsubscribing on leave, the seed's `join_funnel` / `leave_funnel`. `onChange` reports
 * whether the subscription is live, so tests and the page can show it.
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
    const subscription = transmit().subscription(channel)
    const stop = subscription.onMessage<LiveMessage>((message) => handler.current(message))
    subscription
      .create()
      .then(() => active && changed.current?.(true))
      .catch(() => active && changed.current?.(false))
    return () => {
      active = false
      stop()
      changed.current?.(false)
      void subscription.delete().catch(() => {})
    }
  }, [channel])
}

/**
 * Calls `onReconnect` each time the connection comes back after a drop (not on the first
 * connection), so the page can re-fetch what it missed.
 */
export function useReconnect(onReconnect: () => void) {
  const callback = useRef(onReconnect)
  callback.current = onReconnect
  useEffect(() => {
    let dropped = false
    const lost = () => {
      dropped = true
    }
    const back = () => {
      if (!dropped) return
      dropped = false
      callback.current()
    }
    const connection = transmit()
    connection.on('disconnected', lost)
    connection.on('connected', back)
    return () => {
      connection.off('disconnected', lost)
      connection.off('connected', back)
    }
  }, [])
}
