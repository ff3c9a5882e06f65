/**
 * A `srcdoc` preview frame inherits the admin's CSP (scripts need the page's nonce), so the
 * rendered page's own inline scripts (countdown, delayed button, checkout form) get that nonce;
 * scripts with a `src` (pixels) get none and stay blocked. The frame is sandboxed in an opaque
 * origin, so the nonce gives it nothing of the admin's session. Used by the checkout editor's
 * and the block editor's live previews.
 */
export function withPageNonce(html: string) {
  const nonce = document.querySelector<HTMLScriptElement>('script[nonce]')?.nonce
  if (!nonce) return html
  return html.replace(/<script(?![^>]*\ssrc=)(?=[\s>])/gi, `<script nonce="${nonce}"`)
}
