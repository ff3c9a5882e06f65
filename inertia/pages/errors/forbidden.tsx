import { ShieldXIcon } from 'lucide-react'
import { ErrorScreen } from '~/components/app/error-screen'
import { useT } from '~/lib/i18n'

export default function Forbidden() {
  const t = useT()
  return (
    <ErrorScreen
      code={403}
      icon={ShieldXIcon}
      title={t('errors.forbidden')}
      text={t('errors.forbidden.text')}
    />
  )
}
