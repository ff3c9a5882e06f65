import logger from '@adonisjs/core/services/logger'
import type Credential from '#models/credential'
import RecordCredentialHealth from '#actions/credentials/record_credential_health'
import { GatewayError, type ChargeRequest, type Gateway } from './types.js'

/**
 * A credentialed gateway whose every call tells the credential's health: a call that worked
 * sets it back to `ok`; a failure that is the gateway's fault (unreachable, timeout, 5xx, an
 * answer that does not hold) counts towards `failing`, a PIX code that fails its check makes
 * it `failing` at once, and a refused key makes it `invalid`. A refusal of the buyer's data or
 * an unknown transaction says nothing about the gateway. Recording never fails the call.
 */
export default class HealthTrackedGateway implements Gateway {
  constructor(
    private inner: Gateway,
    private credential: Credential
  ) {}

  get name() {
    return this.inner.name
  }

  createCharge(request: ChargeRequest) {
    return this.#track(() => this.inner.createCharge(request))
  }

  getCharge(payment: Parameters<Gateway['getCharge']>[0]) {
    return this.#track(() => this.inner.getCharge(payment))
  }

  async #track<T>(call: () => Promise<T>): Promise<T> {
    let result: T
    try {
      result = await call()
    } catch (error) {
      await this.#record(() => this.#failure(error))
      throw error
    }
    await this.#record(() => RecordCredentialHealth.recordSuccess(this.credential))
    return result
  }

  async #failure(error: unknown) {
    if (!(error instanceof GatewayError)) {
      return RecordCredentialHealth.recordFailure(this.credential, String(error).slice(0, 300))
    }
    const text = `${error.reason}${error.httpStatus ? ` (HTTP ${error.httpStatus})` : ''}${
      error.detail ? `: ${error.detail}` : ''
    }`
    if (error.reason === 'invalid_credentials') {
      return RecordCredentialHealth.handle(this.credential, 'invalid', text)
    }
    if (!error.gatewayFault) return
    return RecordCredentialHealth.recordFailure(this.credential, text, {
      immediately: error.reason === 'invalid_pix_code',
    })
  }

  async #record(write: () => Promise<unknown>) {
    try {
      await write()
    } catch (error) {
      logger.error(
        { err: error, credentialId: this.credential.id },
        'could not record the gateway health'
      )
    }
  }
}
