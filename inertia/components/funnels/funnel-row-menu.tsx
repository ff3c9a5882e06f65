import { router, usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import {
  ArchiveIcon,
  ArchiveRestoreIcon,
  CopyIcon,
  EllipsisIcon,
  PencilIcon,
  Trash2Icon,
} from 'lucide-react'
import { Button } from '~/components/ui/button'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '~/components/ui/dropdown-menu'
import { useT } from '~/lib/i18n'
import type { Data } from '@generated/data'
import { urlFor } from '~/lib/client'

type FunnelRow = Data.Funnel

/** The "…" menu of a funnel row: edit, clone, archive / unarchive, delete. */
export function FunnelRowMenu({
  funnel,
  onClone,
  onDelete,
  onArchive,
}: {
  funnel: FunnelRow
  onClone: () => void
  onDelete: () => void
  /** Opens the confirmation (ArchiveFunnelDialog); archiving takes the public URL down. */
  onArchive: () => void
}) {
  const t = useT()
  const { workspace } = usePage().props
  if (!workspace?.can.write) return null
  const params = { workspaceSlug: workspace.slug, id: funnel.id }
  const archived = funnel.archivedAt !== null

  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger asChild>
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t('funnels.row.actions', { name: funnel.name })}
          data-test={`funnel-menu-${funnel.slug}`}
        >
          <EllipsisIcon />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-44">
        <DropdownMenuItem asChild>
          <Link route="w.funnels.show" routeParams={params} data-test="funnel-edit">
            <PencilIcon />
            {t('common.edit')}
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={onClone} data-test="funnel-clone">
          <CopyIcon />
          {t('funnels.clone')}
        </DropdownMenuItem>
        {archived ? (
          <DropdownMenuItem
            onSelect={() =>
              router.post(urlFor('w.funnels.unarchive', params), {}, { preserveScroll: true })
            }
            data-test="funnel-unarchive"
          >
            <ArchiveRestoreIcon />
            {t('funnels.unarchive')}
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem onSelect={onArchive} data-test="funnel-archive">
            <ArchiveIcon />
            {t('common.archive')}
          </DropdownMenuItem>
        )}
        <DropdownMenuSeparator />
        <DropdownMenuItem variant="destructive" onSelect={onDelete} data-test="funnel-delete">
          <Trash2Icon />
          {t('common.delete')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
