import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { LoaderCircleIcon, LockIcon } from 'lucide-react'
import { PageHeader } from '~/components/app/page-header'
import { Button } from '~/components/ui/button'
import {
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from '~/components/ui/card'
import { Input } from '~/components/ui/input'
import { Label } from '~/components/ui/label'
import { WorkspaceFields } from '~/components/workspaces/workspace-fields'
import { CustomDomainCard } from '~/components/workspaces/custom-domain-card'
import {
  BuyerJourneyCard,
  type BuyerJourneySettings,
} from '~/components/buyer_journey/buyer-journey-card'
import {
  WorkspaceBrandCard,
  type WorkspaceBrandSettings,
} from '~/components/brand/workspace-brand-card'
import { useT } from '~/lib/i18n'

/** Workspace details: editable by owners and admins, read-only for everyone else. */
export default function Settings({
  buyerJourney,
  workspaceBrand,
}: {
  buyerJourney?: BuyerJourneySettings
  workspaceBrand?: WorkspaceBrandSettings
}) {
  const t = useT()
  const { workspace, appDomain } = usePage().props
  if (!workspace) return null
  const canManage = workspace.can.manage

  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.subtitle')} />

      <Card>
        <CardHeader>
          <CardTitle>{t('settings.general')}</CardTitle>
          <CardDescription>{t('settings.general.description')}</CardDescription>
        </CardHeader>

        <Form
          route="workspaces.update"
          routeParams={{ id: workspace.id }}
          options={{ preserveScroll: true }}
          className="flex flex-col gap-6"
        >
          {({ errors, processing }) => (
            <>
              <CardContent>
                <fieldset disabled={!canManage} className="grid max-w-xl gap-5">
                  {!canManage && (
                    <p className="flex items-center gap-2 rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
                      <LockIcon className="size-4 shrink-0" />
                      {t('settings.read_only')}
                    </p>
                  )}

                  <WorkspaceFields
                    workspace={workspace}
                    errors={errors}
                    idPrefix="settings"
                    testPrefix="settings"
                    afterName={
                      <div className="grid gap-2">
                        <Label htmlFor="settings-slug">{t('workspaces.slug')}</Label>
                        <Input
                          id="settings-slug"
                          value={`${workspace.slug}.${appDomain}`}
                          readOnly
                          disabled
                          className="font-mono text-sm"
                          aria-describedby="settings-slug-help"
                        />
                        <p id="settings-slug-help" className="text-sm text-muted-foreground">
                          {t('settings.slug.help')}
                        </p>
                      </div>
                    }
                  />
                </fieldset>
              </CardContent>

              {canManage && (
                <CardFooter className="justify-end border-t">
                  <Button type="submit" disabled={processing} data-test="settings-submit">
                    {processing && <LoaderCircleIcon className="animate-spin" />}
                    {t('common.save')}
                  </Button>
                </CardFooter>
              )}
            </>
          )}
        </Form>
      </Card>

      <CustomDomainCard workspace={workspace} />

      {workspaceBrand && (
        <WorkspaceBrandCard
          slug={workspace.slug}
          workspaceName={workspace.name}
          settings={workspaceBrand}
          canManage={canManage}
        />
      )}

      {buyerJourney && (
        <BuyerJourneyCard slug={workspace.slug} settings={buyerJourney} canManage={canManage} />
      )}
    </>
  )
}
