import { Form } from '@adonisjs/inertia/react'
import { LoaderCircleIcon, UploadIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { InputError } from '~/components/ui/input-error'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/**
 * Uploads the agency's logo or favicon (PNG, JPG, WebP, SVG or ICO, at most 256 KB) instead of
 * typing its address: a form of its own (multipart), so the brand fields are not resubmitted.
 */
export function BrandUpload({
  agencyId,
  kind,
  disabled,
}: {
  agencyId: number
  kind: 'logo' | 'favicon'
  disabled?: boolean
}) {
  const t = useT()
  return (
    <Form
      action={urlFor('agencies.brand.upload', { id: agencyId, kind })}
      method="post"
      options={{ preserveScroll: true }}
      resetOnSuccess
      className="grid min-w-0 grid-cols-1 gap-1"
      data-test={`agency-brand-upload-${kind}`}
    >
      {({ errors, processing }) => (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <input
              type="file"
              name="file"
              accept=".png,.jpg,.jpeg,.webp,.svg,.ico,image/*"
              disabled={disabled}
              aria-label={t(`agency_brand.upload.${kind}`)}
              className="max-w-full min-w-0 text-sm file:mr-2 file:rounded-md file:border file:bg-transparent file:px-2 file:py-1 file:text-sm"
              data-test={`agency-brand-file-${kind}`}
            />
            <Button
              type="submit"
              variant="outline"
              size="sm"
              disabled={disabled || processing}
              data-test={`agency-brand-upload-${kind}-submit`}
            >
              {processing ? <LoaderCircleIcon className="animate-spin" /> : <UploadIcon />}
              {t(`agency_brand.upload.${kind}`)}
            </Button>
          </div>
          <p className="text-xs text-muted-foreground">{t('agency_brand.upload.hint')}</p>
          <InputError message={errors.file} />
        </>
      )}
    </Form>
  )
}
