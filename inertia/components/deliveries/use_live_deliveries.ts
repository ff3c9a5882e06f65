import { useEffect, useRef, useState } from 'react'
import { router, usePage } from '@inertiajs/react'
import { useChannel, useReconnect, type LiveMessage } from '~/components/monitor/use_channel'

/**
 * Keeps a page's deliveries current: each `delivery_updated` of the workspace (a delivery
 * planned, sent, retried or given up, by any worker) reloads the given props, at most once a
 * second however many arrive, and a reconnect catches up. `concerns` narrows the events (the
 * payment page only cares about its own payment). Returns whether the live channel is up.
 */
export function useLiveDeliveries(
  only: string[],
  concerns: (message: LiveMessage) => boolean = () => true
) {
  const { workspace } = usePage().props
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const props = only.join(',')
  const [live, setLive] = useState(false)

  const reload = () => {
    if (timer.current) return
    timer.current = setTimeout(() => {
      timer.current = undefined
      router.reload({ only: props.split(',') })
    }, 1000)
  }
  useEffect(() => () => clearTimeout(timer.current), [])

  useChannel(
    workspace ? `workspaces/${workspace.id}` : null,
    (message) => {
      if (message.event === 'delivery_updated' && concerns(message)) reload()
    },
    setLive
  )
  useReconnect(reload)
  return live
}
