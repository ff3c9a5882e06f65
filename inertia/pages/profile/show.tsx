import { Form, Link } from '@adonisjs/inertia/react'
import { useState, type ReactNode } from 'react'
import { LoaderCircleIcon } from 'lucide-react'
import { ConfirmDialog } from '~/components/app/confirm-dialog'
import { PageHeader } from '~/components/app/page-header'
import { FormField } from '~/components/accounts/form-field'
import { Badge } from '~/components/ui/badge'
import { Button } from '~/components/ui/button'
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '~/components/ui/card'
import { Label } from '~/components/ui/label'
import { Select } from '~/components/ui/select'
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '~/components/ui/table'
import { LOCALES, LOCALE_NAMES, useLocale, useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type Profile = {
  name: string
  email: string
  locale: string
  emailVerified: boolean
  pendingEmail: string | null
}

type TokenRow = {
  id: number
  name: string
  workspace: string | null
  createdAt: string
  lastUsedAt: string | null
  expiresAt: string | null
}

function Section({
  title,
  description,
  children,
}: {
  title: string
  description?: ReactNode
  children: ReactNode
}) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      {children}
    </Card>
  )
}

function SubmitButton({
  processing,
  label,
  test,
}: {
  processing: boolean
  label: string
  test: string
}) {
  return (
    <Button type="submit" disabled={processing} data-test={test}>
      {processing && <LoaderCircleIcon className="animate-spin" />}
      {label}
    </Button>
  )
}

/** "Meu perfil": details, e-mail, password, sessions and API tokens. */
export default function ProfileShow({
  profile,
  tokens,
  twoFactor,
}: {
  profile: Profile
  tokens: TokenRow[]
  twoFactor: { enabled: boolean; recoveryCodes: string[] | null }
}) {
  const t = useT()
  const locale = useLocale()
  const [endSessions, setEndSessions] = useState(false)
  const [revoking, setRevoking] = useState<TokenRow | null>(null)
  const date = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(
          new Date(iso)
        )
      : t('profile.tokens.never')

  return (
    <div className="grid max-w-3xl gap-6">
      <PageHeader title={t('profile.title')} description={t('profile.description')} />

      <Section title={t('profile.details.title')}>
        <Form route="profile.update" options={{ preserveScroll: true }} className="grid gap-6">
          {({ errors, processing }) => (
            <>
              <CardContent className="grid max-w-md gap-4">
                <FormField
                  id="profile-name"
                  name="name"
                  label={t('profile.name')}
                  defaultValue={profile.name}
                  autoComplete="name"
                  error={errors.name}
                  testId="profile-name"
                />
                <div className="grid gap-2">
                  <Label htmlFor="profile-locale">{t('profile.locale')}</Label>
                  <Select
                    id="profile-locale"
                    name="locale"
                    defaultValue={profile.locale}
                    data-test="profile-locale"
                  >
                    {LOCALES.map((code) => (
                      <option key={code} value={code}>
                        {LOCALE_NAMES[code]}
                      </option>
                    ))}
                  </Select>
                </div>
              </CardContent>
              <CardFooter className="justify-end border-t">
                <SubmitButton
                  processing={processing}
                  label={t('common.save')}
                  test="profile-save"
                />
              </CardFooter>
            </>
          )}
        </Form>
      </Section>

      <Section title={t('profile.email.title')}>
        <Form
          route="profile.email"
          resetOnSuccess
          resetOnError={['currentPassword']}
          options={{ preserveScroll: true }}
          className="grid gap-6"
        >
          {({ errors, processing }) => (
            <>
              <CardContent className="grid max-w-md gap-4">
                <div className="grid gap-1 text-sm">
                  <span className="text-muted-foreground">{t('profile.email.current')}</span>
                  <span className="flex items-center gap-2 font-medium" data-test="profile-email">
                    {profile.email}
                    {!profile.emailVerified && (
                      <Badge variant="outline">{t('profile.email.unverified')}</Badge>
                    )}
                  </span>
                  {profile.pendingEmail && (
                    <span className="text-muted-foreground" data-test="profile-email-pending">
                      {t('profile.email.pending', { email: profile.pendingEmail })}
                    </span>
                  )}
                </div>
                <FormField
                  id="profile-new-email"
                  name="email"
                  type="email"
                  autoComplete="email"
                  label={t('profile.email.new')}
                  error={errors.email}
                  testId="profile-new-email"
                />
                <FormField
                  id="profile-email-password"
                  name="currentPassword"
                  type="password"
                  autoComplete="current-password"
                  label={t('profile.current_password')}
                  error={errors.currentPassword}
                  testId="profile-email-password"
                />
              </CardContent>
              <CardFooter className="justify-end border-t">
                <SubmitButton
                  processing={processing}
                  label={t('profile.email.submit')}
                  test="profile-email-submit"
                />
              </CardFooter>
            </>
          )}
        </Form>
      </Section>

      <Section title={t('profile.password.title')} description={t('profile.password.description')}>
        <Form
          action={urlFor('profile.password')}
          method="put"
          resetOnSuccess
          resetOnError
          options={{ preserveScroll: true }}
          className="grid gap-6"
        >
          {({ errors, processing }) => (
            <>
              <CardContent className="grid max-w-md gap-4">
                <FormField
                  id="profile-current-password"
                  name="currentPassword"
                  type="password"
                  autoComplete="current-password"
                  label={t('profile.current_password')}
                  error={errors.currentPassword}
                  testId="profile-current-password"
                />
                <FormField
                  id="profile-password"
                  name="password"
                  type="password"
                  autoComplete="new-password"
                  label={t('profile.password.new')}
                  hint={t('auth.signup.password_hint')}
                  error={errors.password}
                  testId="profile-password"
                />
                <FormField
                  id="profile-password-confirmation"
                  name="passwordConfirmation"
                  type="password"
                  autoComplete="new-password"
                  label={t('profile.password.confirmation')}
                  error={errors.passwordConfirmation}
                  testId="profile-password-confirmation"
                />
              </CardContent>
              <CardFooter className="justify-end border-t">
                <SubmitButton
                  processing={processing}
                  label={t('profile.password.submit')}
                  test="profile-password-submit"
                />
              </CardFooter>
            </>
          )}
        </Form>
      </Section>

      <Section title={t('two_factor.title')} description={t('two_factor.description')}>
        <CardContent className="grid gap-4">
          {twoFactor.recoveryCodes && (
            <div className="grid gap-2 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
              <p className="font-medium">{t('two_factor.recovery.title')}</p>
              <p>{t('two_factor.recovery.text')}</p>
              <ul
                className="grid grid-cols-2 gap-1 font-mono"
                data-test="two-factor-recovery-codes"
              >
                {twoFactor.recoveryCodes.map((code) => (
                  <li key={code}>{code}</li>
                ))}
              </ul>
            </div>
          )}
          <p className="text-sm" data-test="two-factor-status">
            {twoFactor.enabled ? t('two_factor.status.on') : t('two_factor.status.off')}
          </p>
          {twoFactor.enabled ? (
            <Form
              action={urlFor('two_factor.destroy')}
              method="delete"
              resetOnError
              options={{ preserveScroll: true }}
              className="grid max-w-md gap-4"
            >
              {({ errors, processing }) => (
                <>
                  <FormField
                    id="two-factor-disable-password"
                    name="currentPassword"
                    type="password"
                    autoComplete="current-password"
                    label={t('profile.current_password')}
                    error={errors.currentPassword}
                    testId="two-factor-disable-password"
                  />
                  <div>
                    <SubmitButton
                      processing={processing}
                      label={t('two_factor.disable')}
                      test="two-factor-disable"
                    />
                  </div>
                </>
              )}
            </Form>
          ) : (
            <div>
              <Button asChild variant="outline">
                <Link route="two_factor.setup" data-test="two-factor-enable">
                  {t('two_factor.enable')}
                </Link>
              </Button>
            </div>
          )}
        </CardContent>
      </Section>

      <Section title={t('profile.sessions.title')} description={t('profile.sessions.description')}>
        <CardFooter className="justify-end">
          <Button
            variant="outline"
            onClick={() => setEndSessions(true)}
            data-test="profile-end-sessions"
          >
            {t('profile.sessions.end_others')}
          </Button>
        </CardFooter>
      </Section>

      <Section title={t('profile.tokens.title')} description={t('profile.tokens.description')}>
        <CardContent>
          {tokens.length === 0 ? (
            <p className="text-sm text-muted-foreground" data-test="profile-tokens-empty">
              {t('profile.tokens.empty')}
            </p>
          ) : (
            <Table data-test="profile-tokens">
              <TableHeader>
                <TableRow>
                  <TableHead>{t('profile.tokens.name')}</TableHead>
                  <TableHead>{t('profile.tokens.scope')}</TableHead>
                  <TableHead>{t('profile.tokens.created')}</TableHead>
                  <TableHead>{t('profile.tokens.last_used')}</TableHead>
                  <TableHead className="text-right">{t('common.actions')}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tokens.map((token) => (
                  <TableRow key={token.id} data-test="profile-token-row">
                    <TableCell className="font-medium">{token.name}</TableCell>
                    <TableCell>{token.workspace ?? t('profile.tokens.agency_wide')}</TableCell>
                    <TableCell>{date(token.createdAt)}</TableCell>
                    <TableCell>{date(token.lastUsedAt)}</TableCell>
                    <TableCell className="text-right">
                      <Button
                        variant="ghost"
                        size="sm"
                        className="text-destructive"
                        onClick={() => setRevoking(token)}
                        data-test="profile-token-revoke"
                      >
                        {t('profile.tokens.revoke')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Section>

      <ConfirmDialog
        open={endSessions}
        onOpenChange={setEndSessions}
        title={t('profile.sessions.end_others')}
        description={t('profile.sessions.confirm')}
        confirmLabel={t('profile.sessions.end_others')}
        request={{ method: 'post', url: urlFor('profile.sessions.end') }}
        confirmTestId="profile-end-sessions-confirm"
      />
      <ConfirmDialog
        open={!!revoking}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={t('profile.tokens.revoke')}
        description={t('profile.tokens.confirm', { name: revoking?.name ?? '' })}
        confirmLabel={t('profile.tokens.revoke')}
        request={{
          method: 'delete',
          url: urlFor('profile.tokens.destroy', { id: revoking?.id ?? 0 }),
        }}
        confirmTestId="profile-token-revoke-confirm"
      />
    </div>
  )
}
