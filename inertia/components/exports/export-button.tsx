import { DownloadIcon } from 'lucide-react'
import { Button } from '~/components/ui/button'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/**
 * "Exportar CSV" of a list with the filters it shows. A plain link, not an Inertia visit: the
 * server answers a small export with the file (the browser downloads it and stays on the page)
 * and a large one with a redirect to the exports page, which runs it in the background.
 */
export function ExportButton({
  workspaceSlug,
  kind,
  query,
  label,
}: {
  workspaceSlug: string
  kind: 'payments' | 'leads' | 'visitors' | 'deliveries'
  /** The list's applied filters (empty values are left out). */
  query: Record<string, string | number | null | undefined>
  label?: string
}) {
  const t = useT()
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== null && value !== undefined && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  const href = `${urlFor('w.exports.csv', { workspaceSlug, kind })}${search ? `?${search}` : ''}`
  return (
    <Button asChild variant="outline" size="sm">
      <a href={href} data-test={`export-${kind}`}>
        <DownloadIcon />
        {label ?? t('exports.button')}
      </a>
    </Button>
  )
}
