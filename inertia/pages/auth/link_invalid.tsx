import { Head } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { LinkIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardHeader } from '~/components/ui/card'
import { useT } from '~/lib/i18n'

/** An e-mailed link that is unknown, used, expired or superseded. */
export default function LinkInvalid({
  reason,
}: {
  reason: 'verification' | 'reset' | 'email_change' | 'invitation'
}) {
  const t = useT()
  return (
    <Card className="gap-6 shadow-sm">
      <Head title={t('auth.link_invalid.title')} />
      <CardHeader className="items-center text-center">
        <LinkIcon className="mx-auto size-10 text-muted-foreground" aria-hidden="true" />
        <h1 data-test="page-title" className="text-xl font-semibold tracking-tight">
          {t('auth.link_invalid.title')}
        </h1>
      </CardHeader>
      <CardContent className="grid gap-6 text-center text-sm text-muted-foreground">
        <p data-test="link-invalid-text">{t(`auth.link_invalid.${reason}`)}</p>
        <Button asChild variant={reason === 'reset' ? 'default' : 'outline'}>
          {reason === 'reset' ? (
            <Link route="password.forgot">{t('auth.link_invalid.new_reset')}</Link>
          ) : (
            <Link route="session.create">{t('auth.link_invalid.login')}</Link>
          )}
        </Button>
      </CardContent>
    </Card>
  )
}
