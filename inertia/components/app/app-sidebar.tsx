import type { ComponentType } from 'react'
import { usePage } from '@inertiajs/react'
import { Link } from '@adonisjs/inertia/react'
import {
  ActivityIcon,
  CreditCardIcon,
  CrosshairIcon,
  FileSpreadsheetIcon,
  FunnelIcon,
  KeyRoundIcon,
  LayersIcon,
  LayoutDashboardIcon,
  ScaleIcon,
  ScrollTextIcon,
  SendIcon,
  SettingsIcon,
  ShieldAlertIcon,
  ShieldCheckIcon,
  UserCogIcon,
  UndoDotIcon,
  UsersIcon,
  WebhookIcon,
  TicketPercentIcon,
} from 'lucide-react'
import { UserMenu } from '~/components/app/user-menu'
import { AppLogo } from '~/components/app/app-logo'
import { WorkspaceSwitcher } from '~/components/app/workspace-switcher'
import { useT } from '~/lib/i18n'
import { cn } from '~/lib/utils'
import { urlFor } from '~/lib/client'

type NavKey =
  | 'dashboard'
  | 'monitor'
  | 'funnels'
  | 'visitors'
  | 'payments'
  | 'recovery'
  | 'coupons'
  | 'pixels'
  | 'credentials'
  | 'webhooks'
  | 'deliveries'
  | 'reconciliation'
  | 'rejected-events'
  | 'settings'
  | 'settings/api-tokens'
  | 'team'
  | 'audit'
  | 'exports'
  | 'lgpd'

type IconComponent = ComponentType<{ className?: string }>

/** Each section's named route (start/routes): a renamed route fails the typecheck here. */
const NAV_ROUTES = {
  'dashboard': 'w.dashboard',
  'monitor': 'w.monitor.show',
  'funnels': 'w.funnels.index',
  'visitors': 'w.visitors.index',
  'payments': 'w.payments.index',
  'recovery': 'w.recovery.index',
  'coupons': 'w.coupons.index',
  'pixels': 'w.pixels.index',
  'credentials': 'w.credentials.index',
  'webhooks': 'w.webhooks.index',
  'deliveries': 'w.deliveries.index',
  'reconciliation': 'w.reconciliation.index',
  'rejected-events': 'w.rejected_events.index',
  'settings': 'w.settings',
  'settings/api-tokens': 'w.settings.api_tokens',
  'team': 'team.index',
  'audit': 'audit.index',
  'exports': 'w.exports.index',
  'lgpd': 'w.lgpd.index',
} as const satisfies Record<NavKey, string>

/** The workspace sections, in sidebar order. */
export const NAV_ITEMS: ReadonlyArray<{ key: NavKey; icon: IconComponent }> = [
  { key: 'dashboard', icon: LayoutDashboardIcon },
  { key: 'monitor', icon: ActivityIcon },
  { key: 'funnels', icon: FunnelIcon },
  { key: 'visitors', icon: UsersIcon },
  { key: 'payments', icon: CreditCardIcon },
  { key: 'recovery', icon: UndoDotIcon },
  { key: 'coupons', icon: TicketPercentIcon },
  { key: 'pixels', icon: CrosshairIcon },
  { key: 'credentials', icon: KeyRoundIcon },
  { key: 'webhooks', icon: WebhookIcon },
  { key: 'deliveries', icon: SendIcon },
  { key: 'reconciliation', icon: ScaleIcon },
  { key: 'rejected-events', icon: ShieldAlertIcon },
  { key: 'settings', icon: SettingsIcon },
  { key: 'settings/api-tokens', icon: KeyRoundIcon },
  { key: 'team', icon: UserCogIcon },
  { key: 'audit', icon: ScrollTextIcon },
  { key: 'exports', icon: FileSpreadsheetIcon },
  { key: 'lgpd', icon: ShieldCheckIcon },
]

/** `/w/acme/funnels/12?tab=steps` is inside `/w/acme/funnels`. */
function isActive(currentUrl: string, href: string) {
  const path = currentUrl.split(/[?#]/)[0]
  return path === href || path.startsWith(`${href}/`)
}

function NavLink({
  href,
  icon: Icon,
  label,
  active,
  test,
}: {
  href: string
  icon: IconComponent
  label: string
  active: boolean
  test?: string
}) {
  return (
    <Link
      href={href}
      data-test={test}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'flex h-9 items-center gap-3 rounded-md px-2 text-sm text-sidebar-foreground transition-colors outline-none',
        'hover:bg-sidebar-accent hover:text-sidebar-accent-foreground focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50',
        active && 'bg-sidebar-accent font-medium text-sidebar-accent-foreground'
      )}
    >
      <Icon
        className={cn('size-4 shrink-0', active ? 'text-sidebar-primary' : 'text-muted-foreground')}
      />
      <span className="truncate">{label}</span>
    </Link>
  )
}

/** Switcher, section navigation and user menu; shared by the desktop rail and the mobile sheet. */
export function AppSidebar({ className }: { className?: string }) {
  const t = useT()
  const { url, props } = usePage()
  const { workspace } = props

  return (
    <div
      className={cn('flex h-full min-h-0 flex-col bg-sidebar text-sidebar-foreground', className)}
    >
      {/* The brand: an agency's logo and product name (white-label) or the product's own. */}
      <div className="px-5 pt-4 pb-1">
        <AppLogo />
      </div>
      <div className="p-3">
        <WorkspaceSwitcher />
      </div>

      <nav
        aria-label={t('nav.main')}
        className="flex min-h-0 flex-1 flex-col gap-6 overflow-y-auto px-3 py-2"
      >
        {workspace && (
          <ul className="flex flex-col gap-0.5">
            {NAV_ITEMS.filter(
              /** Rejected events hold visitors' raw data: owners and admins only. */
              (item) => !['rejected-events', 'lgpd'].includes(item.key) || workspace.can.manage
            ).map((item) => {
              const href = urlFor(NAV_ROUTES[item.key], { workspaceSlug: workspace.slug })
              return (
                <li key={item.key}>
                  <NavLink
                    href={href}
                    icon={item.icon}
                    label={t(`nav.${item.key}`)}
                    active={
                      isActive(url, href) &&
                      /** Settings holds the tokens page, which has its own entry. */
                      !(item.key === 'settings' && url.includes('/settings/api-tokens'))
                    }
                    test={`nav-${item.key.replace('/', '-')}`}
                  />
                </li>
              )
            })}
          </ul>
        )}

        <div className="flex flex-col gap-0.5">
          <p className="px-2 pb-1 text-xs font-medium text-muted-foreground">{t('nav.agency')}</p>
          <NavLink
            href={urlFor('workspaces.index')}
            icon={LayersIcon}
            label={t('nav.workspaces')}
            active={isActive(url, urlFor('workspaces.index'))}
            test="nav-workspaces"
          />
        </div>
      </nav>

      <div className="border-t border-sidebar-border p-3">
        <UserMenu />
      </div>
    </div>
  )
}
