import { Fragment } from 'react'
import { usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import { CheckIcon, ChevronsUpDownIcon, LayersIcon } from 'lucide-react'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '~/components/ui/dropdown-menu'
import { useT } from '~/lib/i18n'
import { useBrand } from '~/lib/brand'
import type { Data } from '@generated/data'

type WorkspaceOption = Data.Workspace.Variants['summary']

/** Groups the switcher's entries by agency, keeping the server's order. */
function groupByAgency(workspaces: WorkspaceOption[]) {
  const groups = new Map<string, WorkspaceOption[]>()
  for (const workspace of workspaces) {
    const agencyName = workspace.agencyName ?? ''
    const group = groups.get(agencyName) ?? []
    group.push(workspace)
    groups.set(agencyName, group)
  }
  return [...groups.entries()]
}

/** The workspace badge: the first letter of its name. */
function WorkspaceMark({ name }: { name?: string }) {
  return (
    <span className="flex size-8 shrink-0 items-center justify-center rounded-lg bg-primary text-sm font-semibold text-primary-foreground uppercase">
      {name ? name.trim().charAt(0) : <LayersIcon className="size-4" />}
    </span>
  )
}

/** The top of the sidebar: the current workspace and a menu to jump to another one. */
export function WorkspaceSwitcher() {
  const t = useT()
  const { workspace, workspaces } = usePage().props
  const brand = useBrand()
  const current = workspaces.find((option) => option.slug === workspace?.slug)
  const groups = groupByAgency(workspaces)
  const showAgencies = groups.length > 1

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-test="workspace-switcher"
        className="flex w-full items-center gap-3 rounded-md p-2 text-left text-sm outline-none hover:bg-sidebar-accent focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50 data-[state=open]:bg-sidebar-accent"
      >
        <span className="sr-only">{t('nav.switch_workspace')}</span>
        <WorkspaceMark name={workspace?.name} />
        <span className="grid min-w-0 flex-1 leading-tight">
          {workspace ? (
            <>
              <span
                data-test="current-workspace-name"
                className="truncate font-semibold text-sidebar-accent-foreground"
              >
                {workspace.name}
              </span>
              <span className="truncate text-xs text-muted-foreground">
                {current?.agencyName || workspace.slug}
              </span>
            </>
          ) : (
            <>
              <span className="truncate font-semibold text-sidebar-accent-foreground">
                {brand.productName}
              </span>
              <span className="truncate text-xs text-muted-foreground">
                {t('nav.choose_workspace')}
              </span>
            </>
          )}
        </span>
        <ChevronsUpDownIcon className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>

      <DropdownMenuContent
        align="start"
        className="w-(--radix-dropdown-menu-trigger-width) min-w-60"
      >
        {workspaces.length === 0 && (
          <p className="px-2 py-1.5 text-sm text-muted-foreground">{t('workspaces.none')}</p>
        )}
        {groups.map(([agencyName, options], index) => (
          <Fragment key={agencyName}>
            {index > 0 && <DropdownMenuSeparator />}
            <DropdownMenuGroup>
              <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">
                {showAgencies && agencyName ? agencyName : t('nav.workspaces')}
              </DropdownMenuLabel>
              {options.map((option) => {
                const selected = option.slug === workspace?.slug
                return (
                  <DropdownMenuItem key={option.id} asChild>
                    <Link
                      route="w.dashboard"
                      routeParams={{ workspaceSlug: option.slug }}
                      data-test={`workspace-option-${option.slug}`}
                      aria-current={selected ? 'true' : undefined}
                      className="gap-2"
                    >
                      <span className="flex size-6 shrink-0 items-center justify-center rounded-md border text-xs font-medium uppercase">
                        {option.name.trim().charAt(0)}
                      </span>
                      <span className="min-w-0 flex-1 truncate">{option.name}</span>
                      {selected && <CheckIcon className="size-4 text-primary" />}
                    </Link>
                  </DropdownMenuItem>
                )
              })}
            </DropdownMenuGroup>
          </Fragment>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link route="workspaces.index" data-test="manage-workspaces">
            <LayersIcon />
            {t('nav.workspaces')}
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
