import { Head } from '@inertiajs/react'
import { Form, Link } from '@adonisjs/inertia/react'
import { LoaderCircleIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from '~/components/ui/card'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { useT } from '~/lib/i18n'
import { useBrand } from '~/lib/brand'

export default function Login() {
  const t = useT()
  const brand = useBrand()

  return (
    <Card className="gap-6 shadow-sm">
      <Head title={t('auth.login.title')} />
      <CardHeader>
        <h1 data-test="page-title" className="text-xl font-semibold tracking-tight">
          {t('auth.login.title')}
        </h1>
        <CardDescription>{t('auth.login.subtitle')}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form route="session.store" resetOnError={['password']} className="grid gap-5">
          {({ errors, processing }) => (
            <>
              <div className="grid gap-2">
                <Label htmlFor="email">{t('auth.login.email')}</Label>
                <Input
                  id="email"
                  name="email"
                  type="email"
                  autoComplete="username"
                  inputMode="email"
                  autoFocus
                  data-test="login-email"
                  aria-invalid={errors.email ? true : undefined}
                  aria-describedby={errors.email ? 'email-error' : undefined}
                />
                <InputError id="email-error" message={errors.email} data-test="login-error" />
              </div>

              <div className="grid gap-2">
                <div className="flex items-center justify-between">
                  <Label htmlFor="password">{t('auth.login.password')}</Label>
                  <Link
                    route="password.forgot"
                    className="text-sm text-primary hover:underline"
                    data-test="login-forgot"
                  >
                    {t('auth.login.forgot')}
                  </Link>
                </div>
                <Input
                  id="password"
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  data-test="login-password"
                  aria-invalid={errors.password ? true : undefined}
                  aria-describedby={errors.password ? 'password-error' : undefined}
                />
                <InputError id="password-error" message={errors.password} />
              </div>

              <Button
                type="submit"
                className="w-full"
                disabled={processing}
                data-test="login-submit"
              >
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('auth.login.submit')}
              </Button>
            </>
          )}
        </Form>
      </CardContent>
      {/* Signing up creates an agency on this product: not offered on an agency's own domain. */}
      {!brand.whiteLabel && (
        <CardFooter className="justify-center gap-1 text-sm text-muted-foreground">
          {t('auth.login.no_account')}
          <Link
            route="signup.create"
            className="font-medium text-primary hover:underline"
            data-test="login-signup"
          >
            {t('auth.login.signup')}
          </Link>
        </CardFooter>
      )}
    </Card>
  )
}
