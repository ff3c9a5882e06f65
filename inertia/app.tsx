import './css/app.css'
import { createInertiaApp, type ResolvedComponent } from '@inertiajs/react'
import { TuyauProvider } from '@adonisjs/inertia/react'
import { FlashToaster } from '~/components/app/flash-toaster'
import AppLayout from '~/layouts/app-layout'
import AuthLayout from '~/layouts/auth-layout'
import { client } from '~/lib/client'
import { brandTitle } from '~/lib/brand'
import type { Data } from '@generated/data'

const pages = import.meta.glob<{ default: ResolvedComponent }>('./pages/**/*.tsx')

createInertiaApp({
  /** Ends with the agency's product name on a white-label admin, never this product's. */
  title: (title) => brandTitle(title),

  /** Inertia 3 wants the component itself, not the module. */
  resolve: async (name) => {
    const page = pages[`./pages/${name}.tsx`]
    if (!page) throw new Error(`Page not found: ${name}`)
    return (await page()).default
  },

  /**
   * Login and other signed-out pages get the auth shell, error pages stand alone, the rest
   * get the sidebar shell. The layout instance survives navigation between its pages.
   */
  layout: (name) => {
    if (name.startsWith('auth/')) return AuthLayout
    if (name.startsWith('errors/') || name.startsWith('outbox/')) return null
    return AppLayout
  },

  /**
   * One toaster for the whole app, outside the layouts so a layout change keeps it; the route
   * registry for `<Link route>` / `<Form route>` around everything.
   */
  withApp: (app, { page }) => (
    <TuyauProvider client={client}>
      {app}
      <FlashToaster initialPage={page} />
    </TuyauProvider>
  ),

  progress: { color: 'var(--primary)', delay: 150 },
})

/**
 * Types `usePage().props` and `page.flash` everywhere from what InertiaMiddleware.share() and
 * flash() return (`node ace codegen` generates `Data.SharedProps` from them): the client side
 * of the bridge @adonisjs/inertia documents next to `InferSharedProps`.
 */
declare module '@inertiajs/core' {
  export interface InertiaConfig {
    sharedPageProps: Data.SharedProps & { [key: string]: unknown }
    flashDataType: Data.SharedProps['flash']
  }
}
