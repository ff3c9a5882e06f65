import sanitizeHtml from 'sanitize-html'

/**
 * What a custom pixel's snippet may keep. The public funnel pages inject it as is, so the rule
 * is an allow-list, decided for safety over convenience:
 *
 * - `<script src="https://…">` (with `async`/`defer`): any https host, because custom pixels
 *   exist precisely for vendors we do not know (Kwai, Taboola, Hotjar…). Their inline body is
 *   dropped: no inline JavaScript at all, so what runs is always a named, auditable https URL
 *   (a later CSP can list hosts) and a pasted snippet cannot smuggle obfuscated code. Meta,
 *   Google and TikTok pixels have their own types, whose init code the platform generates
 *   from the validated id.
 * - `<img src="https://…">` (width, height, alt) and `<noscript>`: image beacons.
 * - everything else is removed: event handlers, `style`, other tags and schemes (`http:`,
 *   `javascript:`, `data:`, protocol-relative), comments.
 *
 * The snippet is never rendered in the admin (only shown in a textarea), and funnel pages are
 * served on the workspace's own host, never on the admin's.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['script', 'noscript', 'img'],
  allowedAttributes: {
    script: ['src', 'async', 'defer'],
    img: ['src', 'width', 'height', 'alt'],
  },
  allowedSchemes: ['https'],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['src'],
  allowProtocolRelative: false,
  /** Scripts are allowed on purpose: only their https `src` survives, never their body. */
  allowVulnerableTags: true,
  nonTextTags: ['style', 'textarea', 'option', 'xmp'],
  disallowedTagsMode: 'discard',
  transformTags: {
    script: (tagName, attribs) => ({ tagName, attribs, text: '' }),
  },
  exclusiveFilter: (frame) => (frame.tag === 'script' || frame.tag === 'img') && !frame.attribs.src,
}

/** The snippet with only the allowed markup left, trimmed. */
export function sanitizeSnippet(html: string) {
  return sanitizeHtml(html, OPTIONS).trim()
}

/** True when sanitising leaves markup that does something (a script or an image). */
export function snippetHasContent(sanitized: string) {
  return /<(script|img)\b/i.test(sanitized)
}
