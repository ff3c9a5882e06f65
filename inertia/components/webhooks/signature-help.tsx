import { ShieldCheckIcon } from 'lucide-react'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { useT } from '~/lib/i18n'

/** How a receiver verifies a delivery: the headers, the HMAC formula and the replay window. */
export function SignatureHelp({ headers }: { headers: { signature: string; timestamp: string } }) {
  const t = useT()
  return (
    <Card data-test="signature-help">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldCheckIcon className="size-4 text-primary" />
          {t('webhooks.help.title')}
        </CardTitle>
        <CardDescription>{t('webhooks.help.intro')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <dl className="grid gap-2 sm:grid-cols-[auto_1fr] sm:gap-x-4">
          <dt className="font-mono text-xs">{headers.signature}</dt>
          <dd className="text-muted-foreground">{t('webhooks.help.signature')}</dd>
          <dt className="font-mono text-xs">{headers.timestamp}</dt>
          <dd className="text-muted-foreground">{t('webhooks.help.timestamp')}</dd>
        </dl>
        <p>{t('webhooks.help.formula')}</p>
        <pre className="overflow-x-auto rounded-md bg-muted px-3 py-2 font-mono text-xs">
          {`${headers.signature}: sha256=HMAC_SHA256(secret, "<${headers.timestamp}>.<raw body>")`}
        </pre>
        <p className="text-muted-foreground">{t('webhooks.help.steps')}</p>
        <p className="text-muted-foreground">{t('webhooks.help.test')}</p>
      </CardContent>
    </Card>
  )
}
