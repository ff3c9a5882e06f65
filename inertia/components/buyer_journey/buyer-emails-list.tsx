import { Badge } from '~/components/ui/badge'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { usePaymentDateFormat } from '~/components/payments/format'
import { useT } from '~/lib/i18n'

export type BuyerEmailRow = {
  id: number
  kind: string
  to: string
  status: 'pending' | 'sent' | 'failed'
  subject: string | null
  attempts: number
  lastError: string | null
  sentAt: string | null
  createdAt: string
}

const VARIANT = { pending: 'secondary', sent: 'success', failed: 'destructive' } as const

/** The e-mails the buyer received about a payment (admin payment page). */
export function BuyerEmailsList({ emails }: { emails: BuyerEmailRow[] }) {
  const t = useT()
  const formatDate = usePaymentDateFormat()
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('buyer_emails.admin.title')}</CardTitle>
        <CardDescription>{t('buyer_emails.admin.description')}</CardDescription>
      </CardHeader>
      <CardContent>
        {emails.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('buyer_emails.admin.empty')}</p>
        ) : (
          <ul className="divide-y text-sm" data-test="payment-buyer-emails">
            {emails.map((email) => (
              <li
                key={email.id}
                className="flex flex-wrap items-center justify-between gap-3 py-2"
                data-test={`buyer-email-${email.kind}`}
              >
                <div className="min-w-0 space-y-0.5">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{t(`buyer_emails.kind.${email.kind}`)}</span>
                    <Badge variant={VARIANT[email.status]}>
                      {t(`buyer_emails.status.${email.status}`)}
                    </Badge>
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {email.to} · {formatDate(email.sentAt ?? email.createdAt)}
                    {email.subject && ` · ${email.subject}`}
                  </p>
                  {email.lastError && email.status !== 'sent' && (
                    <p className="max-w-2xl truncate font-mono text-xs text-destructive">
                      {email.lastError}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  )
}
