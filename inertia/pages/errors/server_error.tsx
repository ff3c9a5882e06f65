import { ServerCrashIcon } from 'lucide-react'
import { ErrorScreen } from '~/components/app/error-screen'
import { useT } from '~/lib/i18n'

export default function ServerError() {
  const t = useT()
  return (
    <ErrorScreen
      code={500}
      icon={ServerCrashIcon}
      title={t('errors.server')}
      text={t('errors.server.text')}
    />
  )
}
