import { useCallback, useEffect, useRef, useState } from 'react'
import { router } from '@inertiajs/react'
import type { HttpExceptionResponse } from '@inertiajs/core'
import { useT } from '~/lib/i18n'

/** The server's words for a refused save, when it sent any (the 419 JSON of handler.ts). */
function messageOf(data: unknown): string | null {
  if (data && typeof data === 'object' && 'message' in data) {
    const message = (data as { message?: unknown }).message
    if (typeof message === 'string' && message.trim()) return message
  }
  return null
}

/**
 * What an editor needs so that a save the server did not take is never shown as saved:
 * `callbacks` go into the save's visit (router.put / form.put). A non-Inertia answer (the 419 of
 * an expired session or page, a 500, a 403) or a network failure becomes `failure`, a pt-BR
 * message for the save bar; returning false stops Inertia from replacing the page (its error
 * dialog or a visit to the login page), so the form keeps what the user typed for a retry.
 * Validation errors (422 → page with errors) are not failures: the form shows them per field.
 */
export function useSaveFailure() {
  const t = useT()
  const [failure, setFailure] = useState<string | null>(null)
  const callbacks = {
    onStart: () => setFailure(null),
    onHttpException: (response: HttpExceptionResponse) => {
      setFailure(
        messageOf(response.data) ??
          (response.status === 419
            ? t('errors.session_expired.save')
            : t('errors.save_failed', { status: response.status }))
      )
      return false
    },
    onNetworkError: () => {
      setFailure(t('errors.save_network'))
      return false
    },
  }
  const clear = useCallback(() => setFailure(null), [])
  return { failure, callbacks, clear }
}

/**
 * Warns before unsaved changes are lost: closing or reloading the tab (beforeunload, the
 * browser's own prompt) and leaving through an Inertia link (a confirm in the user's language).
 * Only GET visits count: the editor's own save (PUT/POST) and its redirect back are not leaving.
 */
export function useWarnBeforeLeaving(dirty: boolean) {
  const t = useT()
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirtyRef.current) return
      event.preventDefault()
      /** Older browsers show the prompt only when returnValue is set. */
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    const removeBefore = router.on('before', (event) => {
      const visit = event.detail.visit
      if (!dirtyRef.current || visit.method !== 'get') return
      /** Reloads of the same page (partial props, polling) keep the form: not leaving. */
      if (visit.only.length > 0 || visit.except.length > 0 || visit.async) return
      if (!window.confirm(t('common.unsaved_leave'))) event.preventDefault()
    })
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload)
      removeBefore()
    }
  }, [t])
}
