import { Head, usePage } from '@inertiajs/react'
import { Form, Link } from '@adonisjs/inertia/react'
import { LoaderCircleIcon } from 'lucide-react'
import { FormField } from '~/components/accounts/form-field'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from '~/components/ui/card'
import { useT } from '~/lib/i18n'

/** "Esqueci minha senha": the answer is the same for every address. */
export default function ForgotPassword() {
  const t = useT()
  const { flash } = usePage().props
  return (
    <Card className="gap-6 shadow-sm">
      <Head title={t('auth.forgot.title')} />
      <CardHeader>
        <h1 data-test="page-title" className="text-xl font-semibold tracking-tight">
          {t('auth.forgot.title')}
        </h1>
        <CardDescription>{t('auth.forgot.subtitle')}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {flash.success && (
          <p
            role="status"
            data-test="forgot-sent"
            className="rounded-md bg-accent px-3 py-2 text-sm text-accent-foreground"
          >
            {flash.success}
          </p>
        )}
        <Form route="password.email" className="grid gap-4">
          {({ errors, processing }) => (
            <>
              <FormField
                id="email"
                name="email"
                type="email"
                inputMode="email"
                autoComplete="email"
                autoFocus
                label={t('auth.login.email')}
                error={errors.email}
                testId="forgot-email"
              />
              <Button
                type="submit"
                className="w-full"
                disabled={processing}
                data-test="forgot-submit"
              >
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('auth.forgot.submit')}
              </Button>
            </>
          )}
        </Form>
      </CardContent>
      <CardFooter className="justify-center text-sm">
        <Link route="session.create" className="font-medium text-primary hover:underline">
          {t('auth.forgot.back')}
        </Link>
      </CardFooter>
    </Card>
  )
}
