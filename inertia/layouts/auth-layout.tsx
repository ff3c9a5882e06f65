import type { ReactNode } from 'react'
import { AppLogo } from '~/components/app/app-logo'
import { LanguageSwitcher } from '~/components/app/language-switcher'
import { useDocumentLang, useT } from '~/lib/i18n'
import { useApplyBrand } from '~/lib/brand'

/** Signed-out pages: a centred column with the brand, the form and a language menu. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  const t = useT()
  useDocumentLang()
  /** On an agency's admin domain the login page wears its brand (no product tagline). */
  const brand = useApplyBrand()

  return (
    <div className="relative flex min-h-svh flex-col bg-muted/40">
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-x-0 top-0 h-72 bg-gradient-to-b from-accent to-transparent"
      />
      <header className="relative flex items-center justify-between px-4 py-4 sm:px-6">
        <AppLogo />
        <LanguageSwitcher />
      </header>
      <main className="relative flex flex-1 items-start justify-center px-4 pt-8 pb-16 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">{children}</div>
      </main>
      <footer className="relative px-4 pb-6 text-center text-xs text-muted-foreground">
        {brand.whiteLabel ? brand.productName : t('auth.tagline')}
      </footer>
    </div>
  )
}
