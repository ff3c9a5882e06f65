import { router, usePage } from '@inertiajs/react'
import { MailWarningIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/**
 * Shown until a self-signed-up owner clicks the verification link: the account works, but the
 * address is not proven yet (a typo would lose password resets and invitations).
 */
export function UnverifiedEmailBanner() {
  const t = useT()
  const { user } = usePage().props
  if (!user || user.emailVerified !== false) return null

  return (
    <div
      role="status"
      data-test="unverified-banner"
      className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <MailWarningIcon className="size-4 shrink-0" aria-hidden="true" />
      <span className="min-w-0 flex-1">
        {t('accounts.banner.unverified', { email: user.email })}
      </span>
      <Button
        size="sm"
        variant="outline"
        onClick={() => router.post(urlFor('email.resend'), {}, { preserveScroll: true })}
        data-test="unverified-resend"
      >
        {t('accounts.banner.resend')}
      </Button>
    </div>
  )
}
