import { Form } from '@adonisjs/inertia/react'
import { LoaderCircleIcon } from 'lucide-react'
import { useState } from 'react'
import { ColorField, previewColor, previewImage } from '~/components/brand/color-field'
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
import { urlFor } from '~/lib/client'

export type WorkspaceBrandSettings = {
  brand: {
    logoUrl: string | null
    primaryColor: string | null
    backgroundColor: string | null
    font: string
  }
  consent: {
    sellerName: string | null
    sellerDocument: string | null
    termsUrl: string | null
    privacyUrl: string | null
  }
  fonts: Array<{ key: string; label: string; stack: string }>
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
      <Input id={id} aria-invalid={!!error} data-test={id} {...props} />
      <InputError message={error} />
    </div>
  )
}

/** Contrast text colour for a #rrggbb background (same rule as the public pages). */
function onColor(hex: string) {
  const [r, g, b] = [1, 3, 5].map((start) => {
    const channel = Number.parseInt(hex.slice(start, start + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0637 ? '#ffffff' : '#111827'
}

/**
 * Configurações › Marca das páginas: logo, colours, font and the seller's identity with the
 * legal links, applied to every step (capture, VSL, checkout, upsell, thank-you). The preview
 * on the right is a miniature step redrawn as the fields change.
 */
export function WorkspaceBrandCard({
  slug,
  workspaceName,
  settings,
  canManage,
}: {
  slug: string
  workspaceName: string
  settings: WorkspaceBrandSettings
  canManage: boolean
}) {
  const t = useT()
  const { brand, consent, fonts } = settings
  const [logo, setLogo] = useState(brand.logoUrl ?? '')
  const [primary, setPrimary] = useState(brand.primaryColor ?? '')
  const [background, setBackground] = useState(brand.backgroundColor ?? '')
  const [font, setFont] = useState(brand.font)
  const [seller, setSeller] = useState(consent.sellerName ?? '')
  const [document, setDocument] = useState(consent.sellerDocument ?? '')
  const [terms, setTerms] = useState(consent.termsUrl ?? '')
  const [privacy, setPrivacy] = useState(consent.privacyUrl ?? '')

  const primaryShown = previewColor(primary, '#15803d')
  const logoShown = previewImage(logo)
  const stack = fonts.find((item) => item.key === font)?.stack ?? fonts[0]?.stack

  return (
    <Card data-test="workspace-brand">
      <CardHeader>
        <CardTitle>{t('workspace_brand.title')}</CardTitle>
        <CardDescription>{t('workspace_brand.description')}</CardDescription>
      </CardHeader>
      <Form
        action={urlFor('w.settings.brand', { workspaceSlug: slug })}
        method="put"
        options={{ preserveScroll: true }}
        className="flex flex-col gap-6"
        data-test="workspace-brand-form"
      >
        {({ errors, processing }) => (
          <>
            <CardContent className="grid gap-6 lg:grid-cols-[1fr_20rem]">
              <fieldset disabled={!canManage} className="grid gap-5">
                <Field
                  id="wb-logo"
                  type="url"
                  name="brand[logoUrl]"
                  label={t('workspace_brand.logo_url')}
                  placeholder="https://"
                  maxLength={2000}
                  value={logo}
                  onChange={(event) => setLogo(event.target.value)}
                  error={errors['brand.logoUrl']}
                />
                <div className="grid gap-4 sm:grid-cols-2">
                  <ColorField
                    id="wb-primary"
                    name="brand[primaryColor]"
                    label={t('workspace_brand.primary_color')}
                    value={primary}
                    onChange={setPrimary}
                    placeholder="#15803d"
                    hint={t('workspace_brand.color_hint')}
                    error={errors['brand.primaryColor']}
                  />
                  <ColorField
                    id="wb-background"
                    name="brand[backgroundColor]"
                    label={t('workspace_brand.background_color')}
                    value={background}
                    onChange={setBackground}
                    placeholder="#f8fafc"
                    error={errors['brand.backgroundColor']}
                  />
                </div>
                <div className="grid max-w-xs gap-2">
                  <Label htmlFor="wb-font">{t('workspace_brand.font')}</Label>
                  <select
                    id="wb-font"
                    name="brand[font]"
                    value={font}
                    onChange={(event) => setFont(event.target.value)}
                    className="h-9 rounded-md border bg-transparent px-3 text-sm"
                    data-test="wb-font"
                  >
                    {fonts.map((item) => (
                      <option key={item.key} value={item.key} style={{ fontFamily: item.stack }}>
                        {item.label}
                      </option>
                    ))}
                  </select>
                  <InputError message={errors['brand.font']} />
                </div>

                <h3 className="pt-2 text-sm font-semibold">{t('workspace_brand.seller')}</h3>
                <div className="grid gap-4 sm:grid-cols-2">
                  <Field
                    id="wb-seller"
                    name="consent[sellerName]"
                    label={t('workspace_brand.seller_name')}
                    maxLength={150}
                    value={seller}
                    onChange={(event) => setSeller(event.target.value)}
                    error={errors['consent.sellerName']}
                  />
                  <Field
                    id="wb-document"
                    name="consent[sellerDocument]"
                    label={t('workspace_brand.seller_document')}
                    placeholder="00.000.000/0000-00"
                    maxLength={20}
                    value={document}
                    onChange={(event) => setDocument(event.target.value)}
                    error={errors['consent.sellerDocument']}
                  />
                  <Field
                    id="wb-terms"
                    type="url"
                    name="consent[termsUrl]"
                    label={t('workspace_brand.terms_url')}
                    placeholder="https://"
                    value={terms}
                    onChange={(event) => setTerms(event.target.value)}
                    error={errors['consent.termsUrl']}
                  />
                  <Field
                    id="wb-privacy"
                    type="url"
                    name="consent[privacyUrl]"
                    label={t('workspace_brand.privacy_url')}
                    placeholder="https://"
                    value={privacy}
                    onChange={(event) => setPrivacy(event.target.value)}
                    error={errors['consent.privacyUrl']}
                  />
                </div>
              </fieldset>

              <div
                className="flex flex-col overflow-hidden rounded-lg border text-[#18181b]"
                style={{ background: previewColor(background, '#f8fafc'), fontFamily: stack }}
                data-test="workspace-brand-preview"
                aria-label={t('workspace_brand.preview')}
              >
                <div className="flex justify-center p-3">
                  {logoShown ? (
                    <img src={logoShown} alt="" className="h-10 object-contain" />
                  ) : (
                    <span className="text-sm font-semibold">{workspaceName}</span>
                  )}
                </div>
                <div className="grid flex-1 gap-3 px-4 py-2 text-center">
                  <p className="text-lg leading-tight font-bold">
                    {t('workspace_brand.preview_headline')}
                  </p>
                  <span
                    className="rounded-md px-3 py-2 text-sm font-bold"
                    style={{ background: primaryShown, color: onColor(primaryShown) }}
                  >
                    {t('workspace_brand.preview_button')}
                  </span>
                </div>
                <div className="grid gap-1 p-3 text-center text-[11px] text-[#52525b]">
                  {(seller || document) && (
                    <span data-test="workspace-brand-preview-seller">
                      {[seller, document && `CNPJ ${document}`].filter(Boolean).join(' · ')}
                    </span>
                  )}
                  {(terms || privacy) && (
                    <span className="flex justify-center gap-3 underline">
                      {terms && <span>{t('step_page.brand.terms')}</span>}
                      {privacy && <span>{t('step_page.brand.privacy')}</span>}
                    </span>
                  )}
                </div>
              </div>
            </CardContent>
            {canManage && (
              <CardFooter className="justify-end border-t">
                <Button type="submit" disabled={processing} data-test="workspace-brand-submit">
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
