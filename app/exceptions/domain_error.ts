import { Exception } from '@adonisjs/core/exceptions'
import type { GatewayError } from '#services/gateways/types'

/**
 * The one error vocabulary of the app: what went wrong as a stable `rule` (code), the dictionary
 * `key` of the message a person reads (resources/lang), the HTTP status and, for a form, the
 * `field` it belongs to. Actions and controllers throw it and never translate it:
 * app/exceptions/handler.ts renders it once, as `{ errors: [{ field?, rule, message }] }` for JSON
 * clients and as a page, a flash or a form error otherwise (see `wantsJson`).
 */
export class DomainError extends Exception {
  constructor(
    status: number,
    public rule: string,
    public key: string,
    public field?: string,
    public params: Record<string, string | number> = {}
  ) {
    super(key, { status, code: `E_DOMAIN_${rule.toUpperCase()}` })
  }

  /** The page a person goes back to from the error page (a funnel's checkout form). */
  backUrl?: string

  /** The same error, with the page to offer as the way back. */
  returningTo(url: string) {
    this.backUrl = url
    return this
  }

  /** The dictionary key (the name the code used before this class had one). */
  get messageKey() {
    return this.key
  }

  /**
   * A gateway call that failed, as every caller answers it: 502 `gateway` with the friendly
   * message of its reason (the gateway's own words stay in the logs and the admin).
   */
  static fromGateway(error: GatewayError) {
    return new DomainError(502, 'gateway', error.messageKey)
  }

  /** A DomainError for what the handler renders as one (itself or a gateway failure), else null. */
  static of(error: unknown): DomainError | null {
    if (error instanceof DomainError) return error
    if (error instanceof Error && error.name === 'GatewayError') {
      return DomainError.fromGateway(error as GatewayError)
    }
    return null
  }
}
