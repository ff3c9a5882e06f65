import { Head } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { MailCheckIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardHeader } from '~/components/ui/card'
import { useT } from '~/lib/i18n'

/** After a sign-up: the same words whether the address was new or already had an account. */
export default function CheckEmail({ email }: { email: string | null }) {
  const t = useT()
  return (
    <Card className="gap-6 shadow-sm">
      <Head title={t('auth.check_email.title')} />
      <CardHeader className="items-center text-center">
        <MailCheckIcon className="mx-auto size-10 text-primary" aria-hidden="true" />
        <h1 data-test="page-title" className="text-xl font-semibold tracking-tight">
          {t('auth.check_email.title')}
        </h1>
      </CardHeader>
      <CardContent className="grid gap-6 text-center text-sm text-muted-foreground">
        <p data-test="check-email-text">
          {email ? t('auth.check_email.text', { email }) : t('auth.check_email.text_generic')}
        </p>
        <Button asChild variant="outline">
          <Link route="session.create">{t('auth.check_email.login')}</Link>
        </Button>
      </CardContent>
    </Card>
  )
}
