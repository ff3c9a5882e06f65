import { Head } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { LoaderCircleIcon } from 'lucide-react'
import { FormField } from '~/components/accounts/form-field'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader } from '~/components/ui/card'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** The form behind a password reset link. */
export default function ResetPassword({ token }: { token: string }) {
  const t = useT()
  return (
    <Card className="gap-6 shadow-sm">
      <Head title={t('auth.reset.title')} />
      <CardHeader>
        <h1 data-test="page-title" className="text-xl font-semibold tracking-tight">
          {t('auth.reset.title')}
        </h1>
        <CardDescription>{t('auth.reset.subtitle')}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form
          action={urlFor('password.update', { token })}
          method="post"
          resetOnError
          className="grid gap-4"
        >
          {({ errors, processing }) => (
            <>
              <FormField
                id="password"
                name="password"
                type="password"
                autoComplete="new-password"
                autoFocus
                label={t('auth.reset.password')}
                hint={t('auth.signup.password_hint')}
                error={errors.password}
                testId="reset-password"
              />
              <FormField
                id="passwordConfirmation"
                name="passwordConfirmation"
                type="password"
                autoComplete="new-password"
                label={t('auth.signup.password_confirmation')}
                error={errors.passwordConfirmation}
                testId="reset-password-confirmation"
              />
              <Button
                type="submit"
                className="w-full"
                disabled={processing}
                data-test="reset-submit"
              >
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('auth.reset.submit')}
              </Button>
            </>
          )}
        </Form>
      </CardContent>
    </Card>
  )
}
