import { useState } from 'react'
import { http, usePage } from '@inertiajs/react'
import { LoaderCircleIcon, SendIcon } from 'lucide-react'
import { toast } from 'sonner'
import type { Data } from '@generated/data'
import type { TestWebhookResult } from '#actions/webhook_endpoints/send_test_webhook'
import { Button } from '~/components/ui/button'
import { useT, type Translate } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type WebhookRow = Data.WebhookEndpoint

/** The toast text of a test: the HTTP answer, or why none came. */
function describe(result: TestWebhookResult, t: Translate) {
  const params = { status: result.httpStatus ?? '', ms: result.durationMs }
  if (result.ok) return t('webhooks.test.ok', params)
  if (result.httpStatus !== null) return t('webhooks.test.rejected', params)
  if (result.excerpt === 'timeout' || result.excerpt === 'blocked') {
    return t(`webhooks.test.${result.excerpt}`)
  }
  return t('webhooks.test.unreachable')
}

/**
 * "Enviar teste": a JSON call (not a page visit) through Inertia's HTTP client, which sends the
 * XSRF token. The outcome is toasted; nothing is recorded in the delivery history.
 */
export function TestWebhookButton({ endpoint }: { endpoint: WebhookRow }) {
  const t = useT()
  const { workspace } = usePage().props
  const [sending, setSending] = useState(false)

  async function send() {
    if (!workspace) return
    setSending(true)
    try {
      const response = await http.getClient().request({
        method: 'post',
        url: urlFor('w.webhooks.test', { workspaceSlug: workspace.slug, id: endpoint.id }),
        headers: { Accept: 'application/json' },
        data: {},
      })
      const result = JSON.parse(response.data) as TestWebhookResult
      if (result.ok) toast.success(describe(result, t))
      else toast.error(describe(result, t))
    } catch {
      toast.error(t('webhooks.test.failed'))
    } finally {
      setSending(false)
    }
  }

  return (
    <Button
      variant="outline"
      size="sm"
      onClick={send}
      disabled={sending}
      data-test={`webhook-test-${endpoint.id}`}
    >
      {sending ? <LoaderCircleIcon className="animate-spin" /> : <SendIcon />}
      {sending ? t('webhooks.testing') : t('webhooks.test')}
    </Button>
  )
}
