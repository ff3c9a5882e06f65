import { SearchXIcon } from 'lucide-react'
import { ErrorScreen } from '~/components/app/error-screen'
import { useT } from '~/lib/i18n'

export default function NotFound() {
  const t = useT()
  return (
    <ErrorScreen
      code={404}
      icon={SearchXIcon}
      title={t('errors.not_found')}
      text={t('errors.not_found.text')}
    />
  )
}
