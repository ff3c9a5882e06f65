import { Form } from '@adonisjs/inertia/react'
import { LoaderCircleIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { FormField } from '~/components/accounts/form-field'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardFooter } from '~/components/ui/card'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** Enrolment: scan the QR code (or type the key) in an authenticator app, then a first code. */
export default function TwoFactorSetup({ qr, secret }: { qr: string; secret: string }) {
  const t = useT()
  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader title={t('two_factor.setup.title')} description={t('two_factor.setup.text')} />
      <Card>
        <Form
          action={urlFor('two_factor.confirm')}
          method="post"
          resetOnError
          className="grid gap-6"
        >
          {({ errors, processing }) => (
            <>
              <CardContent className="grid gap-6 sm:grid-cols-[220px_1fr]">
                <img
                  src={qr}
                  alt={t('two_factor.setup.qr_alt')}
                  className="size-[220px] rounded-md border"
                  data-test="two-factor-qr"
                />
                <div className="grid content-start gap-4">
                  <div className="grid gap-1 text-sm">
                    <span className="text-muted-foreground">{t('two_factor.setup.key')}</span>
                    <code className="font-mono break-all" data-test="two-factor-secret">
                      {secret}
                    </code>
                  </div>
                  <FormField
                    id="two-factor-code"
                    name="code"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    label={t('two_factor.code')}
                    error={errors.code}
                    testId="two-factor-setup-code"
                  />
                </div>
              </CardContent>
              <CardFooter className="justify-end border-t">
                <Button type="submit" disabled={processing} data-test="two-factor-setup-submit">
                  {processing && <LoaderCircleIcon className="animate-spin" />}
                  {t('two_factor.setup.submit')}
                </Button>
              </CardFooter>
            </>
          )}
        </Form>
      </Card>
    </div>
  )
}
