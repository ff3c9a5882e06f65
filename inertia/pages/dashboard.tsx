// eslint-disable-next-line @adonisjs/prefer-adonisjs-inertia-link -- plain URLs: no Tuyau route registry yet
import { Link, usePage } from '@inertiajs/react'
import { ArrowRightIcon, ChartColumnIcon, FunnelIcon, SettingsIcon } from 'lucide-react'
import { EmptyState } from '~/components/app/empty-state'
import { PageHeader } from '~/components/app/page-header'
import { Button } from '~/components/ui/button'
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from '~/components/ui/card'
import { useT } from '~/lib/i18n'

export default function Dashboard() {
  const t = useT()
  const { workspace } = usePage().props
  if (!workspace) return null

  return (
    <>
      <PageHeader title={t('dashboard.title')} description={t('dashboard.subtitle')} />

      <Card className="overflow-hidden">
        <CardHeader>
          <CardTitle className="text-lg">
            {t('dashboard.welcome', { workspace: workspace.name })}
          </CardTitle>
          <CardDescription>{t('dashboard.get_started')}</CardDescription>
        </CardHeader>
        <CardFooter className="flex-wrap gap-2">
          <Button asChild>
            <Link href={`/w/${workspace.slug}/funnels`}>
              <FunnelIcon />
              {t('dashboard.go_funnels')}
              <ArrowRightIcon />
            </Link>
          </Button>
          <Button asChild variant="outline">
            <Link href={`/w/${workspace.slug}/settings`}>
              <SettingsIcon />
              {t('nav.settings')}
            </Link>
          </Button>
        </CardFooter>
      </Card>

      <EmptyState icon={ChartColumnIcon} description={t('dashboard.coming')} />
    </>
  )
}
