import { usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { FlaskConicalIcon } from 'lucide-react'
import { ResultsTable, type SplitTest } from '~/components/funnels/split-test-card'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '~/components/ui/card'
import { useT } from '~/lib/i18n'

/** The dashboard's running A/B tests of the chosen funnel, each with its variants' results. */
export function SplitTestsPanel({
  tests,
  funnelId,
}: {
  tests: Array<SplitTest & { stepName: string | null }>
  funnelId: number | null
}) {
  const t = useT()
  const { workspace } = usePage().props
  return (
    <Card className="gap-3" data-test="dashboard-split-tests">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <FlaskConicalIcon className="size-4" />
          {t('split_tests.dashboard_title')}
        </CardTitle>
        {tests.length === 0 && (
          <CardDescription>{t('split_tests.dashboard_empty')}</CardDescription>
        )}
      </CardHeader>
      {tests.length > 0 && (
        <CardContent className="grid gap-6">
          {tests.map((test) => (
            <div key={test.id} className="grid gap-2" data-test={`dashboard-split-${test.id}`}>
              <Link
                route="w.funnels.show"
                routeParams={{ workspaceSlug: workspace?.slug ?? '', id: funnelId ?? 0 }}
                qs={{ step: test.stepId }}
                className="text-sm font-medium hover:underline"
              >
                {test.name}
                {test.stepName ? ` · ${test.stepName}` : ''}
              </Link>
              <ResultsTable test={test} />
            </div>
          ))}
        </CardContent>
      )}
    </Card>
  )
}
