import { Form } from '@adonisjs/inertia/react'
import { CheckCircle2Icon, ClockIcon, LoaderCircleIcon, LockIcon } from 'lucide-react'
import { useState } from 'react'
import { PageHeader } from '~/components/app/page-header'
import { BrandUpload } from '~/components/brand/brand-upload'
import { ColorField, previewColor, previewImage } from '~/components/brand/color-field'
import { Badge } from '~/components/ui/badge'
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
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type Brand = Data.SharedProps['brand']

type AgencyBrandPage = {
  agency: {
    id: number
    name: string
    brand: {
      productName: string | null
      logoUrl: string | null
      faviconUrl: string | null
      primaryColor: string | null
    }
    preview: Brand
    domain: {
      domain: string
      status: 'pending' | 'verified'
      verifiedAt: string | null
      record: { type: 'TXT'; name: string; value: string } | null
    } | null
    canManage: boolean
  }
}

/** The login card as the agency's clients will see it, redrawn as the fields change. */
function LoginPreview({ name, logo, color }: { name: string; logo: string | null; color: string }) {
  const t = useT()
  return (
    <div
      className="grid gap-4 rounded-lg border bg-muted/40 p-4"
      data-test="agency-brand-preview"
      aria-label={t('agency_brand.preview')}
    >
      <div className="flex items-center gap-2">
        {logo ? (
          <img src={logo} alt="" className="size-8 rounded-md object-contain" />
        ) : (
          <span className="size-8 rounded-md" style={{ background: color }} />
        )}
        <span className="font-semibold" data-test="agency-brand-preview-name">
          {name}
        </span>
      </div>
      <div className="grid gap-3 rounded-md border bg-background p-4">
        <p className="text-sm font-medium">{t('agency_brand.preview_login')}</p>
        <div className="h-8 rounded-md border" />
        <div className="h-8 rounded-md border" />
        <div className="h-9 rounded-md" style={{ background: color }} />
      </div>
    </div>
  )
}

function ImageField({
  id,
  name,
  label,
  value,
  onChange,
  error,
}: {
  id: string
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  error?: string
}) {
  const t = useT()
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        name={name}
        type="url"
        placeholder="https://"
        maxLength={2000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={!!error}
        aria-describedby={`${id}-hint`}
        data-test={id}
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {t('agency_brand.image_hint')}
      </p>
      <InputError message={error} />
    </div>
  )
}

/**
 * The agency's white-label: product name, logo, favicon and colour (with a live preview of the
 * login card), and its own admin domain verified by a DNS TXT record.
 */
export default function AgencyBrand({ agency }: AgencyBrandPage) {
  const t = useT()
  const [name, setName] = useState(agency.brand.productName ?? '')
  const [logo, setLogo] = useState(agency.brand.logoUrl ?? '')
  const [favicon, setFavicon] = useState(agency.brand.faviconUrl ?? '')
  const [color, setColor] = useState(agency.brand.primaryColor ?? '')
  const domain = agency.domain
  const verified = domain?.status === 'verified'

  return (
    <>
      <PageHeader title={t('agency_brand.title')} description={t('agency_brand.subtitle')} />

      <Card>
        <CardHeader>
          <CardTitle>
            {t('agency_brand.card.brand')} · {agency.name}
          </CardTitle>
          <CardDescription>{t('agency_brand.card.brand_description')}</CardDescription>
        </CardHeader>
        <Form
          action={urlFor('agencies.brand.update', { id: agency.id })}
          method="put"
          options={{ preserveScroll: true }}
          className="flex flex-col gap-6"
          data-test="agency-brand-form"
        >
          {({ errors, processing }) => (
            <>
              <CardContent className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
                <fieldset disabled={!agency.canManage} className="grid gap-5">
                  {!agency.canManage && (
                    <p className="flex items-center gap-2 rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
                      <LockIcon className="size-4 shrink-0" />
                      {t('agency_brand.read_only')}
                    </p>
                  )}
                  <div className="grid gap-2">
                    <Label htmlFor="agency-brand-name">{t('agency_brand.product_name')}</Label>
                    <Input
                      id="agency-brand-name"
                      name="productName"
                      value={name}
                      maxLength={60}
                      placeholder={agency.name}
                      onChange={(event) => setName(event.target.value)}
                      aria-invalid={!!errors.productName}
                      aria-describedby="agency-brand-name-hint"
                      data-test="agency-brand-name"
                    />
                    <p id="agency-brand-name-hint" className="text-xs text-muted-foreground">
                      {t('agency_brand.product_name_hint')}
                    </p>
                    <InputError message={errors.productName} />
                  </div>
                  <ImageField
                    id="agency-brand-logo"
                    name="logoUrl"
                    label={t('agency_brand.logo_url')}
                    value={logo}
                    onChange={setLogo}
                    error={errors.logoUrl}
                  />
                  <ImageField
                    id="agency-brand-favicon"
                    name="faviconUrl"
                    label={t('agency_brand.favicon_url')}
                    value={favicon}
                    onChange={setFavicon}
                    error={errors.faviconUrl}
                  />
                  <ColorField
                    id="agency-brand-color"
                    name="primaryColor"
                    label={t('agency_brand.primary_color')}
                    value={color}
                    onChange={setColor}
                    placeholder="#047857"
                    error={errors.primaryColor}
                  />
                </fieldset>
                <LoginPreview
                  name={name.trim() || agency.name}
                  logo={previewImage(logo)}
                  color={previewColor(color, agency.preview.primaryColor)}
                />
              </CardContent>
              {agency.canManage && (
                <CardFooter className="justify-end border-t">
                  <Button type="submit" disabled={processing} data-test="agency-brand-submit">
                    {processing && <LoaderCircleIcon className="animate-spin" />}
                    {t('common.save')}
                  </Button>
                </CardFooter>
              )}
            </>
          )}
        </Form>
        {agency.canManage && (
          <CardContent className="grid grid-cols-1 gap-4 border-t pt-6 sm:grid-cols-2">
            <BrandUpload agencyId={agency.id} kind="logo" />
            <BrandUpload agencyId={agency.id} kind="favicon" />
          </CardContent>
        )}
      </Card>

      <Card data-test="agency-domain">
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            {t('agency_brand.domain.title')}
            {domain && (
              <Badge variant={verified ? 'success' : 'secondary'} data-test="agency-domain-status">
                {verified ? <CheckCircle2Icon /> : <ClockIcon />}
                {t(verified ? 'domains.status.verified' : 'domains.status.pending')}
              </Badge>
            )}
          </CardTitle>
          <CardDescription>
            {domain
              ? verified
                ? t('agency_brand.domain.verified_help', { domain: domain.domain })
                : t('agency_brand.domain.instructions', { domain: domain.domain })
              : t('agency_brand.domain.description')}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid grid-cols-1 gap-5">
          <Form
            action={urlFor('agencies.brand.domain.update', { id: agency.id })}
            method="put"
            options={{ preserveScroll: true }}
            className="flex flex-wrap items-end gap-3"
          >
            {({ errors, processing }) => (
              <fieldset disabled={!agency.canManage} className="flex flex-wrap items-end gap-3">
                <div className="grid min-w-72 gap-2">
                  <Label htmlFor="agency-domain-input">{t('agency_brand.domain.label')}</Label>
                  <Input
                    id="agency-domain-input"
                    name="adminDomain"
                    defaultValue={domain?.domain ?? ''}
                    placeholder="painel.suaagencia.com.br"
                    className="font-mono"
                    aria-invalid={!!errors.adminDomain}
                    data-test="agency-domain-input"
                  />
                  <InputError message={errors.adminDomain} />
                </div>
                {agency.canManage && (
                  <Button
                    type="submit"
                    variant="outline"
                    disabled={processing}
                    data-test="agency-domain-save"
                  >
                    {t('common.save')}
                  </Button>
                )}
              </fieldset>
            )}
          </Form>

          {domain && !verified && domain.record && (
            <dl
              className="grid gap-2 rounded-md border p-3 font-mono text-sm"
              data-test="agency-domain-record"
            >
              <div className="flex gap-2">
                <dt className="w-16 text-muted-foreground">{t('domains.record.type')}</dt>
                <dd>{domain.record.type}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-16 shrink-0 text-muted-foreground">{t('domains.record.name')}</dt>
                <dd className="break-all select-all">{domain.record.name}</dd>
              </div>
              <div className="flex gap-2">
                <dt className="w-16 shrink-0 text-muted-foreground">{t('domains.record.value')}</dt>
                <dd className="break-all select-all">{domain.record.value}</dd>
              </div>
            </dl>
          )}
        </CardContent>
        {domain && !verified && agency.canManage && (
          <Form
            action={urlFor('agencies.brand.domain.verify', { id: agency.id })}
            method="post"
            options={{ preserveScroll: true }}
          >
            {({ processing }) => (
              <CardFooter className="justify-end border-t">
                <Button type="submit" disabled={processing} data-test="agency-domain-verify">
                  {processing && <LoaderCircleIcon className="animate-spin" />}
                  {t('domains.verify')}
                </Button>
              </CardFooter>
            )}
          </Form>
        )}
      </Card>
    </>
  )
}
