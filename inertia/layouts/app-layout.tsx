import { useEffect, useState, type ReactNode } from 'react'
import { router, usePage } from '@inertiajs/react'
import { MenuIcon } from 'lucide-react'
import { AppLogoIcon } from '~/components/app/app-logo'
import { AppSidebar } from '~/components/app/app-sidebar'
import { UnverifiedEmailBanner } from '~/components/accounts/unverified-email-banner'
import { Button } from '~/components/ui/button'
import {
  Sheet,
  SheetContent,
  SheetDescription,
  SheetTitle,
  SheetTrigger,
} from '~/components/ui/sheet'
import { useMediaQuery } from '~/hooks/use_media_query'
import { useDocumentLang, useT } from '~/lib/i18n'
import { useApplyBrand, useBrand } from '~/lib/brand'

/** The top bar on small screens: menu button (opens the sidebar in a sheet) and workspace. */
function MobileHeader() {
  const t = useT()
  const { workspace } = usePage().props
  const brand = useBrand()
  const [open, setOpen] = useState(false)

  /** Any navigation (a link in the sheet, a workspace switch) closes the sheet. */
  useEffect(() => router.on('navigate', () => setOpen(false)), [])

  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b bg-background/95 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/80">
      <Sheet open={open} onOpenChange={setOpen}>
        <SheetTrigger asChild>
          <Button variant="ghost" size="icon" className="-ml-2" data-test="open-menu">
            <MenuIcon className="size-5" />
            <span className="sr-only">{t('nav.open_menu')}</span>
          </Button>
        </SheetTrigger>
        <SheetContent closeLabel={t('common.close')} className="w-72 p-0">
          <SheetTitle className="sr-only">{t('nav.menu')}</SheetTitle>
          <SheetDescription className="sr-only">{t('nav.main')}</SheetDescription>
          <AppSidebar className="pt-10" />
        </SheetContent>
      </Sheet>
      <AppLogoIcon className="size-7" />
      <span className="min-w-0 truncate text-sm font-semibold">
        {workspace?.name ?? brand.productName}
      </span>
    </header>
  )
}

/**
 * The signed-in shell: a fixed sidebar on desktop, a top bar with a drawer on phones. Only
 * one of the two is mounted, so every `data-test` hook exists once in the page.
 */
export default function AppLayout({ children }: { children: ReactNode }) {
  const t = useT()
  const isDesktop = useMediaQuery('(min-width: 768px)')
  useDocumentLang()
  useApplyBrand()

  return (
    <div className="min-h-svh bg-background">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:ring-[3px] focus:ring-ring/50"
      >
        {t('nav.skip_to_content')}
      </a>

      {isDesktop ? (
        <aside className="fixed inset-y-0 left-0 z-30 flex w-64 flex-col border-r border-sidebar-border">
          <AppSidebar />
        </aside>
      ) : (
        <MobileHeader />
      )}

      <div className="md:pl-64">
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 outline-none sm:px-6 md:px-10 md:py-10"
        >
          <UnverifiedEmailBanner />
          {children}
        </main>
      </div>
    </div>
  )
}
