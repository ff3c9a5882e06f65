import { useEffect } from 'react'
import { router } from '@inertiajs/react'
import type { Page } from '@inertiajs/core'
import { toast } from 'sonner'
import { Toaster } from '~/components/ui/toaster'
import type { Data } from '@generated/data'

type FlashMessages = Data.SharedProps['flash']

/** Toasts the flash messages a server response carries (shared `flash` prop or Inertia's bag). */
function showFlash(page: Page | undefined) {
  if (!page) return
  const shared = page.props.flash as FlashMessages | undefined
  const own = page.flash as FlashMessages | undefined
  const success = shared?.success ?? own?.success
  const error = shared?.error ?? own?.error
  const undo = shared?.undo ?? own?.undo
  if (success && undo) {
    toast.success(success, {
      duration: 10_000,
      action: {
        label: undo.label,
        onClick: () => router.post(undo.url, {}, { preserveScroll: true }),
      },
    })
  } else if (success) toast.success(success)
  if (error) toast.error(error)
}

/**
 * The app's single toaster, mounted beside the Inertia app so it survives layout changes
 * (login → dashboard). It toasts the first page's flash, then the flash of every server
 * response. Back/forward navigation restores pages from history without a response, so an
 * old message is not shown twice.
 */
export function FlashToaster({ initialPage }: { initialPage: Page }) {
  useEffect(() => {
    showFlash(initialPage)
    const offSuccess = router.on('success', (event) => showFlash(event.detail.page))
    const offError = router.on('error', (event) => showFlash(event.detail.page))
    return () => {
      offSuccess()
      offError()
    }
  }, [initialPage])

  return <Toaster />
}
