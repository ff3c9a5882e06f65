import { router, usePage } from '@inertiajs/react'
import { ChevronsUpDownIcon, LogOutIcon, UserIcon } from 'lucide-react'
import { Avatar, AvatarFallback } from '~/components/ui/avatar'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '~/components/ui/dropdown-menu'
import { LanguageRadioItems } from '~/components/app/language-switcher'
import { useT } from '~/lib/i18n'
import { urlFor } from '~/lib/client'

/** The signed-in user at the foot of the sidebar: identity, language and log out. */
export function UserMenu() {
  const t = useT()
  const { user } = usePage().props
  if (!user) return null

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        data-test="user-menu"
        className="flex w-full items-center gap-3 rounded-md p-2 text-left text-sm outline-none hover:bg-sidebar-accent focus-visible:ring-[3px] focus-visible:ring-sidebar-ring/50 data-[state=open]:bg-sidebar-accent"
      >
        <span className="sr-only">{t('nav.user_menu')}</span>
        <Avatar>
          <AvatarFallback className="bg-primary text-primary-foreground">
            {user.initials}
          </AvatarFallback>
        </Avatar>
        <span className="grid min-w-0 flex-1 leading-tight">
          <span className="truncate font-medium text-sidebar-accent-foreground">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        </span>
        <ChevronsUpDownIcon className="size-4 shrink-0 text-muted-foreground" />
      </DropdownMenuTrigger>
      <DropdownMenuContent
        side="top"
        align="start"
        className="w-(--radix-dropdown-menu-trigger-width) min-w-56"
      >
        <DropdownMenuLabel className="grid leading-tight font-normal">
          <span className="truncate font-medium">{user.name}</span>
          <span className="truncate text-xs text-muted-foreground">{user.email}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuLabel className="text-xs font-normal text-muted-foreground">
          {t('nav.language')}
        </DropdownMenuLabel>
        <LanguageRadioItems />
        <DropdownMenuSeparator />
        <DropdownMenuItem
          data-test="profile-link"
          onSelect={() => router.visit(urlFor('profile.show'))}
        >
          <UserIcon />
          {t('nav.profile')}
        </DropdownMenuItem>
        <DropdownMenuItem
          data-test="logout"
          onSelect={() => router.post(urlFor('session.destroy'))}
        >
          <LogOutIcon />
          {t('auth.logout')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
