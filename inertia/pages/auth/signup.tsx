import { Head, usePage } from '@inertiajs/react'
import { Form, Link } from '@adonisjs/inertia/react'
import { useState } from 'react'
import { LoaderCircleIcon } from 'lucide-react'
import { FormField } from '~/components/accounts/form-field'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardFooter, CardHeader } from '~/components/ui/card'
import { sanitizeSlugInput, slugify } from '~/lib/slug'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** Sign-up of a new agency: owner, agency and first client workspace in one form. */
export default function Signup() {
  const t = useT()
  const { appDomain } = usePage().props
  const [slug, setSlug] = useState('')
  const [slugTouched, setSlugTouched] = useState(false)

  return (
    <Card className="gap-6 shadow-sm">
      <Head title={t('auth.signup.title')} />
      <CardHeader>
        <h1 data-test="page-title" className="text-xl font-semibold tracking-tight">
          {t('auth.signup.title')}
        </h1>
        <CardDescription>{t('auth.signup.subtitle')}</CardDescription>
      </CardHeader>
      <CardContent>
        <Form
          action={urlFor('signup.store')}
          method="post"
          resetOnError={['password', 'passwordConfirmation']}
          className="grid gap-4"
        >
          {({ errors, processing }) => (
            <>
              <FormField
                id="name"
                name="name"
                label={t('auth.signup.name')}
                autoComplete="name"
                autoFocus
                error={errors.name}
                testId="signup-name"
              />
              <FormField
                id="email"
                name="email"
                type="email"
                inputMode="email"
                autoComplete="email"
                label={t('auth.signup.email')}
                error={errors.email}
                testId="signup-email"
              />
              <FormField
                id="password"
                name="password"
                type="password"
                autoComplete="new-password"
                label={t('auth.signup.password')}
                hint={t('auth.signup.password_hint')}
                error={errors.password}
                testId="signup-password"
              />
              <FormField
                id="passwordConfirmation"
                name="passwordConfirmation"
                type="password"
                autoComplete="new-password"
                label={t('auth.signup.password_confirmation')}
                error={errors.passwordConfirmation}
                testId="signup-password-confirmation"
              />
              <FormField
                id="agencyName"
                name="agencyName"
                label={t('auth.signup.agency')}
                autoComplete="organization"
                error={errors.agencyName}
                testId="signup-agency"
              />
              <FormField
                id="workspaceName"
                name="workspaceName"
                label={t('auth.signup.workspace')}
                error={errors.workspaceName}
                testId="signup-workspace"
                onChange={(event) => {
                  if (!slugTouched) setSlug(slugify(event.target.value))
                }}
              />
              <FormField
                id="workspaceSlug"
                name="workspaceSlug"
                label={t('auth.signup.workspace_slug')}
                className="font-mono text-sm"
                value={slug}
                onChange={(event) => {
                  setSlugTouched(true)
                  setSlug(sanitizeSlugInput(event.target.value))
                }}
                hint={slug ? `${slug}.${appDomain}` : undefined}
                error={errors.workspaceSlug}
                testId="signup-workspace-slug"
              />
              <Button
                type="submit"
                className="w-full"
                disabled={processing}
                data-test="signup-submit"
              >
                {processing && <LoaderCircleIcon className="animate-spin" />}
                {t('auth.signup.submit')}
              </Button>
            </>
          )}
        </Form>
      </CardContent>
      <CardFooter className="justify-center gap-1 text-sm text-muted-foreground">
        {t('auth.signup.have_account')}
        <Link route="session.create" className="font-medium text-primary hover:underline">
          {t('auth.signup.login')}
        </Link>
      </CardFooter>
    </Card>
  )
}
