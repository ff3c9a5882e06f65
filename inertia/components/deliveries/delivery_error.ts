import type { Translate } from '~/lib/i18n'

/**
 * A delivery's `lastError` as the worker records it is for logs: "unreachable", "timed out",
 * "ECONNREFUSED"… People read it translated; the raw text stays in the element's title.
 */
const KNOWN: Record<string, string> = {
  'unreachable': 'deliveries.error.unreachable',
  'network error': 'deliveries.error.unreachable',
  'timed out': 'deliveries.error.timeout',
  'private address refused': 'deliveries.error.blocked',
  'ECONNREFUSED': 'deliveries.error.refused',
  'ECONNRESET': 'deliveries.error.reset',
  'ENOTFOUND': 'deliveries.error.not_found',
  'EAI_AGAIN': 'deliveries.error.not_found',
  'ETIMEDOUT': 'deliveries.error.timeout',
  'ECONNABORTED': 'deliveries.error.timeout',
  'CERT_HAS_EXPIRED': 'deliveries.error.tls',
  'DEPTH_ZERO_SELF_SIGNED_CERT': 'deliveries.error.tls',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE': 'deliveries.error.tls',
}

export function describeDeliveryError(t: Translate, lastError: string) {
  const key = KNOWN[lastError.trim()]
  return key ? t(key) : lastError
}
