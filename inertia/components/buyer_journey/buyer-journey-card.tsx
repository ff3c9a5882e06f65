import { Form } from '@adonisjs/inertia/react'
import { LoaderCircleIcon } from 'lucide-react'
import { useState } from 'react'
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
import { InputError } from '~/components/ui/input-error'
import { Label } from '~/components/ui/label'
import { Textarea } from '~/components/ui/textarea'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

const KINDS = ['pix_generated', 'payment_approved', 'pix_expired'] as const

export type BuyerJourneySettings = {
  buyerEmails: {
    enabled: boolean
    senderName: string | null
    replyTo: string | null
    brandColor: string | null
    logoUrl: string | null
    texts: Record<(typeof KINDS)[number], { subject: string | null; intro: string | null }>
  }
  consent: {
    termsUrl: string | null
    privacyUrl: string | null
    sellerName: string | null
    sellerDocument: string | null
  }
  recovery: { abandonAfterMinutes: number; emailEnabled: boolean }
}

function Field({
  id,
  label,
  error,
  ...props
}: { id: string; label: string; error?: string } & React.ComponentProps<typeof Input>) {
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} aria-invalid={!!error} {...props} />
      <InputError message={error} />
    </div>
  )
}

/**
 * The logo field with a small preview at the e-mail's size (48 px high), shown only for an
 * https address: what the server accepts, so the preview never hints that http would work.
 */
function LogoField({ initial, error }: { initial: string | null; error?: string }) {
  const t = useT()
  const [url, setUrl] = useState(initial ?? '')
  const previewable = /^https:\/\/\S+$/i.test(url.trim())
  return (
    <div className="grid gap-2">
      <Label htmlFor="bj-logo">{t('buyer_emails.settings.logo_url')}</Label>
      <div className="flex items-center gap-3">
        <Input
          id="bj-logo"
          type="url"
          name="buyerEmails[logoUrl]"
          placeholder="https://"
          maxLength={2000}
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          aria-invalid={!!error}
          aria-describedby="bj-logo-hint"
        />
        {previewable && (
          <img
            src={url.trim()}
            alt={t('buyer_emails.settings.logo_preview')}
            data-test="buyer-journey-logo-preview"
            className="h-12 max-w-40 shrink-0 rounded border object-contain p-1"
          />
        )}
      </div>
      <p id="bj-logo-hint" className="text-xs text-muted-foreground">
        {t('buyer_emails.settings.logo_hint')}
      </p>
      <InputError message={error} />
    </div>
  )
}

/**
 * Configurações › Jornada do comprador: the buyer e-mails (sender, reply-to, colour, logo, subject and
 * intro of each), the consent shown on capture and checkout (terms/privacy links, seller name and
 * CNPJ) and when an unpaid checkout counts as abandoned.
 */
export function BuyerJourneyCard({
  slug,
  settings,
  canManage,
}: {
  slug: string
  settings: BuyerJourneySettings
  canManage: boolean
}) {
  const t = useT()
  const { buyerEmails, recovery } = settings
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('buyer_journey.title')}</CardTitle>
        <CardDescription>{t('buyer_emails.settings.description')}</CardDescription>
      </CardHeader>
      <Form
        action={urlFor('w.settings.buyer_journey', { workspaceSlug: slug })}
        method="put"
        options={{ preserveScroll: true }}
        className="flex flex-col gap-6"
        data-test="buyer-journey-form"
      >
        {({ errors, processing }) => (
          <>
            <CardContent>
              <fieldset disabled={!canManage} className="grid max-w-2xl gap-5">
                <div className="grid max-w-xs gap-2">
                  <Label htmlFor="bj-enabled">{t('buyer_emails.settings.enabled')}</Label>
                  <select
                    id="bj-enabled"
                    name="buyerEmails[enabled]"
                    defaultValue={buyerEmails.enabled ? 'true' : 'false'}
                    className="h-9 rounded-md border bg-transparent px-3 text-sm"
                  >
                    <option value="true">{t('buyer_journey.on')}</option>
                    <option value="false">{t('buyer_journey.off')}</option>
                  </select>
                </div>
                <div className="grid gap-4 sm:grid-cols-3">
                  <Field
                    id="bj-sender"
                    name="buyerEmails[senderName]"
                    label={t('buyer_emails.settings.sender_name')}
                    defaultValue={buyerEmails.senderName ?? ''}
                    error={errors['buyerEmails.senderName']}
                  />
                  <Field
                    id="bj-reply"
                    type="email"
                    name="buyerEmails[replyTo]"
                    label={t('buyer_emails.settings.reply_to')}
                    defaultValue={buyerEmails.replyTo ?? ''}
                    error={errors['buyerEmails.replyTo']}
                  />
                  <Field
                    id="bj-color"
                    name="buyerEmails[brandColor]"
                    label={t('buyer_emails.settings.brand_color')}
                    placeholder="#047857"
                    defaultValue={buyerEmails.brandColor ?? ''}
                    error={errors['buyerEmails.brandColor']}
                  />
                </div>
                <LogoField initial={buyerEmails.logoUrl} error={errors['buyerEmails.logoUrl']} />
                {KINDS.map((kind) => (
                  <fieldset key={kind} className="grid gap-3 rounded-md border p-3">
                    <legend className="px-1 text-sm font-medium">
                      {t(`buyer_emails.kind.${kind}`)}
                    </legend>
                    <Field
                      id={`bj-${kind}-subject`}
                      name={`buyerEmails[texts][${kind}][subject]`}
                      label={t('buyer_emails.settings.subject')}
                      placeholder={t(`buyer_emails.${kind}.subject`)}
                      defaultValue={buyerEmails.texts[kind].subject ?? ''}
                      error={errors[`buyerEmails.texts.${kind}.subject`]}
                    />
                    <div className="grid gap-2">
                      <Label htmlFor={`bj-${kind}-intro`}>{t('buyer_emails.settings.intro')}</Label>
                      <Textarea
                        id={`bj-${kind}-intro`}
                        name={`buyerEmails[texts][${kind}][intro]`}
                        placeholder={t(`buyer_emails.${kind}.intro`)}
                        defaultValue={buyerEmails.texts[kind].intro ?? ''}
                        rows={2}
                      />
                      <InputError message={errors[`buyerEmails.texts.${kind}.intro`]} />
                    </div>
                  </fieldset>
                ))}

                {/* The seller and legal links live in the page-brand card (one place to edit). */}
                <h3 className="pt-2 text-sm font-semibold">{t('buyer_journey.recovery')}</h3>
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field
                    id="bj-abandon"
                    type="number"
                    min={5}
                    max={1440}
                    name="recovery[abandonAfterMinutes]"
                    label={t('buyer_journey.abandon_after')}
                    defaultValue={recovery.abandonAfterMinutes}
                    error={errors['recovery.abandonAfterMinutes']}
                  />
                  <div className="grid gap-2">
                    <Label htmlFor="bj-recovery-email">{t('buyer_journey.recovery_email')}</Label>
                    <select
                      id="bj-recovery-email"
                      name="recovery[emailEnabled]"
                      defaultValue={recovery.emailEnabled ? 'true' : 'false'}
                      className="h-9 rounded-md border bg-transparent px-3 text-sm"
                    >
                      <option value="true">{t('buyer_journey.on')}</option>
                      <option value="false">{t('buyer_journey.off')}</option>
                    </select>
                  </div>
                </div>
              </fieldset>
            </CardContent>
            {canManage && (
              <CardFooter className="justify-end border-t">
                <Button type="submit" disabled={processing} data-test="buyer-journey-submit">
                  {processing && <LoaderCircleIcon className="animate-spin" />}
                  {t('common.save')}
                </Button>
              </CardFooter>
            )}
          </>
        )}
      </Form>
    </Card>
  )
}
