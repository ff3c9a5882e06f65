import { Head, router } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { LoaderCircleIcon } from 'lucide-react'
import { FormField } from '~/components/accounts/form-field'
import { Button } from '~/components/ui/button'
import { Card, CardContent, CardDescription, CardHeader } from '~/components/ui/card'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type Props = {
  token: string
  invitation: { email: string; agency: string; role: string; workspaces: string[] | null }
  hasAccount: boolean
  signedInAs: string | null
}

/** The page behind an invitation link: accept signed in, with the password, or a new account. */
export default function AcceptInvitation({ token, invitation, hasAccount, signedInAs }: Props) {
  const t = useT()
  const role = t(`roles.${invitation.role}`)
  const otherAccount = signedInAs && signedInAs !== invitation.email

  return (
    <Card className="gap-6 shadow-sm">
      <Head title={t('invitation.title', { agency: invitation.agency })} />
      <CardHeader>
        <h1 data-test="page-title" className="text-xl font-semibold tracking-tight">
          {t('invitation.title', { agency: invitation.agency })}
        </h1>
        <CardDescription data-test="invitation-text">
          {invitation.workspaces
            ? t('invitation.text_workspaces', {
                workspaces: invitation.workspaces.join(', '),
                agency: invitation.agency,
                role,
              })
            : t('invitation.text_agency', { agency: invitation.agency, role })}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <p className="text-sm text-muted-foreground">
          {t('invitation.for', { email: invitation.email })}
        </p>
        {otherAccount ? (
          <>
            <p className="text-sm" data-test="invitation-other-account">
              {t('invitation.other_account', { email: signedInAs, invited: invitation.email })}
            </p>
            <Button variant="outline" onClick={() => router.post(urlFor('session.destroy'))}>
              {t('auth.logout')}
            </Button>
          </>
        ) : (
          <Form route="invitations.accept" routeParams={{ token }} className="grid gap-4">
            {({ errors, processing }) => (
              <>
                {!signedInAs && (
                  <>
                    <p className="text-sm">
                      {hasAccount ? t('invitation.login_hint') : t('invitation.new_hint')}
                    </p>
                    {!hasAccount && (
                      <FormField
                        id="invitation-name"
                        name="name"
                        autoComplete="name"
                        label={t('invitation.name')}
                        error={errors.name}
                        testId="invitation-name"
                      />
                    )}
                    <FormField
                      id="invitation-password"
                      name="password"
                      type="password"
                      autoComplete={hasAccount ? 'current-password' : 'new-password'}
                      label={hasAccount ? t('invitation.password') : t('invitation.new_password')}
                      hint={hasAccount ? undefined : t('auth.signup.password_hint')}
                      error={errors.password}
                      testId="invitation-password"
                    />
                  </>
                )}
                <Button type="submit" disabled={processing} data-test="invitation-accept">
                  {processing && <LoaderCircleIcon className="animate-spin" />}
                  {t('invitation.accept')}
                </Button>
              </>
            )}
          </Form>
        )}
      </CardContent>
    </Card>
  )
}
