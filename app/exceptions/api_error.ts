import { DomainError } from '#exceptions/domain_error'

/**
 * The earlier name of DomainError, kept so code written against it still compiles: the same
 * class (so `instanceof` holds both ways), rendered by app/exceptions/handler.ts. New code
 * throws DomainError.
 */
export const ApiError = DomainError
export type ApiError = DomainError
