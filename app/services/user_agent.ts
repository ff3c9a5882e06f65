export type DeviceKind = 'mobile' | 'tablet' | 'desktop' | 'bot' | 'unknown'

/**
 * A rough device reading of a User-Agent, enough for the monitor's "device" column: the kind
 * and the operating system. Tablets are checked before phones (iPad and Android without
 * "Mobile" are tablets).
 */
export function deviceFromUserAgent(userAgent: string | null | undefined): {
  kind: DeviceKind
  os: string | null
} {
  const ua = userAgent ?? ''
  if (!ua) return { kind: 'unknown', os: null }
  const os = /iPhone|iPad|iPod/.test(ua)
    ? 'iOS'
    : /Android/.test(ua)
      ? 'Android'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(ua)
          ? 'macOS'
          : /CrOS/.test(ua)
            ? 'ChromeOS'
            : /Linux/.test(ua)
              ? 'Linux'
              : null
  if (/bot|crawler|spider|facebookexternalhit/i.test(ua)) return { kind: 'bot', os }
  if (/iPad|Tablet/.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua))) {
    return { kind: 'tablet', os }
  }
  if (/Mobi|iPhone|iPod|Android/.test(ua)) return { kind: 'mobile', os }
  return { kind: 'desktop', os }
}
