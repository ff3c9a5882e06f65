// eslint-disable-next-line @adonisjs/prefer-adonisjs-inertia-link -- plain URLs: no Tuyau route registry yet
import { Link, router, usePage } from '@inertiajs/react'
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
import type { FunnelRow } from '~/components/funnels/types'

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
  const base = `/w/${workspace.slug}/funnels/${funnel.id}`
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
          <Link href={base} data-test="funnel-edit">
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
            onSelect={() => router.post(`${base}/unarchive`, {}, { preserveScroll: true })}
            data-test="funnel-unarchive"
          >
            <ArchiveRestoreIcon />
            {t('funnels.unarchive')}
          </DropdownMenuItem>
        ) : (
          <DropdownMenuItem
            onSelect={onArchive}
            data-test="funnel-archive"
          >
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
