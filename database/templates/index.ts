import type { Locale } from '#services/i18n'
import type { FunnelSnapshot } from '../../app/types/funnel_snapshot.js'
import { launchVslTemplate } from './launch_vsl.js'
import { leadMagnetTemplate } from './lead_magnet.js'
import { directCheckoutTemplate } from './direct_checkout.js'

/**
 * The built-in funnel templates of the "Novo funil" gallery: complete funnels with designed
 * pages, written as typed data (tests/functional/templates validate every page, content and
 * checkout with the app's own validators). A key is part of the apply URL: never rename one.
 */
export interface BuiltinTemplate {
  key: string
  build: (locale: Locale) => FunnelSnapshot
}

export const BUILTIN_TEMPLATES: readonly BuiltinTemplate[] = [
  { key: 'lancamento-vsl', build: launchVslTemplate },
  { key: 'isca-digital', build: leadMagnetTemplate },
  { key: 'checkout-upsell', build: directCheckoutTemplate },
]

export function builtinTemplate(key: string) {
  return BUILTIN_TEMPLATES.find((template) => template.key === key) ?? null
}
