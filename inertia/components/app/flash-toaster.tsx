import { useEffect } from 'react'
import { usePage } from '@inertiajs/react'
import { toast } from 'sonner'
import { Toaster } from '~/components/ui/toaster'
import type { FlashMessages } from '~/types'

/**
 * Shows the server's flash messages as toasts. Every visit brings a fresh `flash` object, so
 * the effect fires once per response, even when two responses carry the same sentence. The
 * messages are read from the shared `flash` prop and from Inertia's own flash bag, whichever
 * the server fills.
 */
export function FlashToaster() {
  const page = usePage()
  const shared = page.props.flash as FlashMessages | undefined
  const own = page.flash as FlashMessages | undefined

  useEffect(() => {
    const success = shared?.success ?? own?.success
    const error = shared?.error ?? own?.error
    if (success) toast.success(success)
    if (error) toast.error(error)
  }, [shared, own])

  return <Toaster />
}
