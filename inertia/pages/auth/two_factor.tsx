import { Head } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { LoaderCircleIcon } from 'lucide-react'
import { FormField } from '~/components/accounts/form-field'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader } from '~/components/ui/card'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** The second step of a login with two-factor on: the authenticator code or a recovery code. */
export default function TwoFactorChallenge() {
  const t = useT()
  return (
    <Card className="gap-6 shadow-sm">
      <Head title={t('two_factor.challenge.title')} />
      <CardHeader>
        <h1 data-test="page-title" className="text-xl font-semibold tracking-tight">
          {t('two_factor.challenge.title')}
        </h1>
        <CardDescription>{t('two_factor.challenge.text')}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form
          action={urlFor('two_factor.verify')}
          method="post"
          resetOnError
          className="grid gap-4"
        >
          {({ errors, processing }) => (
            <>
              <FormField
                id="code"
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                label={t('two_factor.code')}
                hint={t('two_factor.challenge.hint')}
                error={errors.code}
                testId="two-factor-code"
              />
              <Button
                type="submit"
                className="w-full"
                disabled={processing}
                data-test="two-factor-submit"
              >
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('two_factor.challenge.submit')}
              </Button>
            </>
          )}
        </Form>
      </CardContent>
    </Card>
  )
}
