import { usePage } from '@inertiajs/react'
import { Form } from '@adonisjs/inertia/react'
import { FormDialogFooter } from '~/components/app/form-dialog-footer'
import { ActiveToggle } from '~/components/pixels/active-toggle'
import type { WebhookEvent, WebhookRow } from '~/components/webhooks/types'
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
} from '~/components/ui/dialog'
import { Input } from '~/components/ui/input'
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

type Errors = Record<string, string | undefined>

/** One checkbox per event, submitted as `events[]`; the error of any member shows once. */
function EventCheckboxes({
  events,
  checked,
  errors,
}: {
  events: WebhookEvent[]
  checked: WebhookEvent[]
  errors: Errors
}) {
  const t = useT()
  const error =
    errors.events ??
    Object.entries(errors).find(([field]) => field.startsWith('events.'))?.[1] ??
    undefined
  return (
    <fieldset className="grid gap-2" aria-describedby="webhook-events-help">
      <legend className="mb-2 text-sm leading-none font-medium">{t('webhooks.events')}</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {events.map((event) => (
          <label
            key={event}
            className="flex items-start gap-3 rounded-md border px-3 py-2 text-sm has-checked:border-primary"
          >
            <input
              type="checkbox"
              name="events[]"
              value={event}
              defaultChecked={checked.includes(event)}
              className="mt-0.5 size-4 shrink-0 accent-primary"
              data-test={`webhook-event-${event}`}
            />
            <span className="grid gap-0.5">
              <span>{t(`webhooks.event.${event}`)}</span>
              <span className="font-mono text-xs text-muted-foreground">{event}</span>
            </span>
          </label>
        ))}
      </div>
      <p id="webhook-events-help" className="text-sm text-muted-foreground">
        {t('webhooks.events.help')}
      </p>
      <InputError message={error} />
    </fieldset>
  )
}

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
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t('common.close')} className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>{endpoint ? t('webhooks.edit') : t('webhooks.new')}</DialogTitle>
          <DialogDescription>
            {endpoint ? t('webhooks.edit.description') : t('webhooks.new.description')}
          </DialogDescription>
        </DialogHeader>

        <Form
          key={endpoint?.id ?? 'new'}
          action={action}
          method={endpoint ? 'put' : 'post'}
          options={{ preserveScroll: true }}
          onSuccess={() => onOpenChange(false)}
          className="grid gap-5"
        >
          {({ errors, processing }) => (
            <>
              <div className="grid gap-2">
                <Label htmlFor="webhook-name">{t('webhooks.name')}</Label>
                <Input
                  id="webhook-name"
                  name="name"
                  defaultValue={endpoint?.name ?? ''}
                  placeholder={t('webhooks.name.placeholder')}
                  autoComplete="off"
                  data-test="webhook-name"
                  aria-invalid={errors.name ? true : undefined}
                />
                <InputError message={errors.name} />
              </div>

              <div className="grid gap-2">
                <Label htmlFor="webhook-url">{t('webhooks.url')}</Label>
                <Input
                  id="webhook-url"
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
                  aria-invalid={errors.url ? true : undefined}
                  aria-describedby="webhook-url-help"
                />
                <p id="webhook-url-help" className="text-sm text-muted-foreground">
                  {t('webhooks.url.help')}
                </p>
                <InputError message={errors.url} />
              </div>

              <EventCheckboxes
                events={events}
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

              <FormDialogFooter
                processing={processing}
                submitLabel={endpoint ? t('common.save') : t('common.create')}
                submitTestId="webhook-submit"
              />
            </>
          )}
        </Form>
      </DialogContent>
    </Dialog>
  )
}
