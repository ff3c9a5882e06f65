import { useState } from 'react'
import { http, usePage } from '@inertiajs/react'
import { LoaderCircleIcon, PlugZapIcon } from 'lucide-react'
import { toast } from 'sonner'
import type { Data } from '@generated/data'
import { Button } from '~/components/ui/button'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type ConnectionTestResult = Data.Credential.Variants['testResult']
type CredentialRow = Data.Credential

/**
 * "Testar conexão": a JSON call (not a page visit) through Inertia's HTTP client, which sends
 * the XSRF token. The result goes to the row's badge and to a toast.
 */
export function TestConnectionButton({
  credential,
  onResult,
}: {
  credential: CredentialRow
  onResult: (result: ConnectionTestResult) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  const [testing, setTesting] = useState(false)

  async function test() {
    if (!workspace) return
    setTesting(true)
    try {
      const response = await http.getClient().request({
        method: 'post',
        url: urlFor('w.credentials.test', { workspaceSlug: workspace.slug, id: credential.id }),
        headers: { Accept: 'application/json' },
        data: {},
      })
      const result = JSON.parse(response.data) as ConnectionTestResult
      onResult(result)
      if (result.status === 'ok') toast.success(result.message)
      else toast.error(result.message)
    } catch {
      toast.error(t('credentials.test.failed'))
    } finally {
      setTesting(false)
    }
  }

  return (
    <Button
      variant="outline"
      size="sm"
      onClick={test}
      disabled={testing}
      data-test={`credential-test-${credential.id}`}
    >
      {testing ? <LoaderCircleIcon className="animate-spin" /> : <PlugZapIcon />}
      {testing ? t('credentials.testing') : t('credentials.test')}
    </Button>
  )
}
