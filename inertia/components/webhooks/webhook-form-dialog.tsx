import { usePage } from '@inertiajs/react'
import { ActiveToggle } from '~/components/pixels/active-toggle'
import { CheckboxGroup, Field, RecordFormDialog } from '~/components/app/record-form'
import type { Data } from '@generated/data'
import { Input } from '~/components/ui/input'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type WebhookEvent = Data.WebhookEndpoint['events'][number]
type WebhookRow = Data.WebhookEndpoint

/** Create (no endpoint) or edit an endpoint; the dialog closes once the server accepts it. */
export function WebhookFormDialog({
  endpoint,
  events,
  open,
  onOpenChange,
}: {
  endpoint: WebhookRow | null
  events: WebhookEvent[]
  open: boolean
  onOpenChange: (open: boolean) => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  if (!workspace) return null
  const action = endpoint
    ? urlFor('w.webhooks.update', { workspaceSlug: workspace.slug, id: endpoint.id })
    : urlFor('w.webhooks.store', { workspaceSlug: workspace.slug })

  return (
    <RecordFormDialog
      open={open}
      onOpenChange={onOpenChange}
      editing={endpoint !== null}
      formKey={endpoint?.id ?? 'new'}
      title={endpoint ? t('webhooks.edit') : t('webhooks.new')}
      description={endpoint ? t('webhooks.edit.description') : t('webhooks.new.description')}
      action={action}
      submitTestId="webhook-submit"
    >
      {(errors) => (
        <>
          <Field id="webhook-name" label={t('webhooks.name')} error={errors.name}>
            {(control) => (
              <Input
                {...control}
                name="name"
                defaultValue={endpoint?.name ?? ''}
                placeholder={t('webhooks.name.placeholder')}
                autoComplete="off"
                data-test="webhook-name"
              />
            )}
          </Field>

          <Field
            id="webhook-url"
            label={t('webhooks.url')}
            help={t('webhooks.url.help')}
            error={errors.url}
          >
            {(control) => (
              <Input
                {...control}
                name="url"
                type="url"
                inputMode="url"
                defaultValue={endpoint?.url ?? ''}
                placeholder="https://"
                autoComplete="off"
                autoCapitalize="none"
                spellCheck={false}
                className="font-mono"
                data-test="webhook-url"
              />
            )}
          </Field>

          <CheckboxGroup
            id="webhook-events"
            name="events"
            legend={t('webhooks.events')}
            help={t('webhooks.events.help')}
            options={events.map((event) => ({
              value: event,
              test: `webhook-event-${event}`,
              label: (
                <span className="grid gap-0.5">
                  <span>{t(`webhooks.event.${event}`)}</span>
                  <span className="font-mono text-xs text-muted-foreground">{event}</span>
                </span>
              ),
            }))}
            checked={endpoint?.events ?? ['payment.paid']}
            errors={errors}
          />

          <ActiveToggle
            id="webhook-active"
            defaultChecked={endpoint?.isActive ?? true}
            label={t('webhooks.active.label')}
            help={t('webhooks.active.help')}
            test="webhook-active"
          />
        </>
      )}
    </RecordFormDialog>
  )
}
