import { ClockAlertIcon } from 'lucide-react'
import { ErrorScreen } from '~/components/app/error-screen'
import { useT } from '~/lib/i18n'

/** A form sent with a session (and CSRF token) that is no longer valid. */
export default function SessionExpired({ loginUrl }: { loginUrl: string }) {
  const t = useT()
  return (
    <ErrorScreen
      code={419}
      icon={ClockAlertIcon}
      title={t('errors.session_expired')}
      text={t('errors.session_expired.text')}
      action={{ href: loginUrl, label: t('errors.session_expired.action') }}
    />
  )
}
