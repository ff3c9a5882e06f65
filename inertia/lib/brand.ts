import { useEffect } from 'react'
import { usePage } from '@inertiajs/react'
import type { Data } from '@generated/data'

type Brand = Data.SharedProps['brand']

/** The product's own brand: used until the server says otherwise. */
export const DEFAULT_BRAND: Brand = {
  productName: 'Funil Digital',
  logoUrl: '/brand/logo.svg',
  faviconUrl: '/brand/favicon.svg',
  primaryColor: '#047857',
  primaryForeground: '#ffffff',
  whiteLabel: false,
}

/**
 * The name the document title ends with. Set while a layout renders (before the page's <Head>
 * applies its title in an effect), so `createInertiaApp`'s title callback reads the brand of
 * the page being shown.
 */
let currentName = DEFAULT_BRAND.productName

/** The name the title currently ends with (what useApplyBrand last saw). */
let shownName = DEFAULT_BRAND.productName

export function brandTitle(title: string | undefined) {
  return title ? `${title} · ${currentName}` : currentName
}

/** The brand of the current page (shared prop `brand`). */
export function useBrand(): Brand {
  const brand = usePage().props.brand ?? DEFAULT_BRAND
  currentName = brand.productName
  return brand
}

const BRAND_VARS = [
  '--primary',
  '--primary-foreground',
  '--ring',
  '--sidebar-primary',
  '--sidebar-primary-foreground',
  '--accent',
  '--accent-foreground',
]

/**
 * Applies the brand to the document: primary colour tokens (the server printed the same on
 * <html> for the first paint, see inertia_layout.edge), the favicon and theme colour. Runs again
 * when a navigation changes the brand (signing in on the product's domain).
 */
export function useApplyBrand() {
  const brand = useBrand()
  useEffect(() => {
    const root = document.documentElement.style
    if (brand.whiteLabel) {
      const vars: Record<string, string> = {
        '--primary': brand.primaryColor,
        '--primary-foreground': brand.primaryForeground,
        '--ring': brand.primaryColor,
        '--sidebar-primary': brand.primaryColor,
        '--sidebar-primary-foreground': brand.primaryForeground,
        '--accent': `color-mix(in oklch, ${brand.primaryColor} 12%, white)`,
        '--accent-foreground': `color-mix(in oklch, ${brand.primaryColor} 70%, black)`,
      }
      for (const [name, value] of Object.entries(vars)) root.setProperty(name, value)
    } else {
      for (const name of BRAND_VARS) root.removeProperty(name)
    }
    const icon = document.querySelector<HTMLLinkElement>('link[rel="icon"]')
    if (icon && icon.getAttribute('href') !== brand.faviconUrl) icon.href = brand.faviconUrl
    document.querySelector('meta[name="theme-color"]')?.setAttribute('content', brand.primaryColor)
  }, [brand.whiteLabel, brand.primaryColor, brand.primaryForeground, brand.faviconUrl])

  /**
   * A page whose own title did not change (the brand page after saving a new name) keeps the
   * title <Head> set with the old name: swap the suffix so the tab never shows a stale brand.
   */
  useEffect(() => {
    const previous = shownName
    shownName = brand.productName
    if (previous === brand.productName) return
    if (document.title === previous) document.title = brand.productName
    else if (document.title.endsWith(` · ${previous}`)) {
      document.title = `${document.title.slice(0, -previous.length)}${brand.productName}`
    }
  }, [brand.productName])
  return brand
}
