import { ParamBuilder } from 'capi-param-builder-nodejs'

export interface MetaClickIds {
  fbc: string | null
  fbp: string | null
}

/**
 * `fbc` / `fbp` for a visitor, by Meta's own `capi-param-builder-nodejs` (format checks,
 * sub-domain index, language appendix): the `_fbc` cookie when the browser had a valid one,
 * else built from the page URL's `fbclid` (kept byte for byte); the `_fbp` cookie when valid.
 * The builder invents an `fbp` when there is none; we drop it, because an id no browser holds
 * matches nothing and would only dilute the match.
 */
export function metaClickIds(input: {
  url: string | null
  referrer?: string | null
  fbc?: string | null
  fbp?: string | null
}): MetaClickIds {
  let url: URL | null = null
  try {
    url = input.url ? new URL(input.url) : null
  } catch {}
  const fbclid = url?.searchParams.get('fbclid') ?? null
  if (!fbclid && !input.fbc && !input.fbp) return { fbc: null, fbp: null }

  const cookies: Record<string, string> = {}
  if (input.fbc) cookies._fbc = input.fbc
  if (input.fbp) cookies._fbp = input.fbp
  const builder = new ParamBuilder()
  builder.processRequest(
    url?.host ?? '',
    fbclid ? { fbclid } : null,
    cookies,
    input.referrer ?? null
  )
  const fbp = builder.getFbp()
  return {
    fbc: builder.getFbc(),
    /** The cookie as the builder kept it (maybe with its appendix), never a replacement. */
    fbp: input.fbp && fbp?.startsWith(input.fbp) ? fbp : null,
  }
}
