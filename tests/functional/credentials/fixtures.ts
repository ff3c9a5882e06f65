import type { ApiResponse } from '@japa/api-client'
import { randomBytes } from 'node:crypto'
import type Workspace from '#models/workspace'
import { CredentialFactory } from '#database/factories/credential_factory'
import { outboundSettings } from '#services/outbound_http'

/** A long random secret with a recognisable prefix. */
export function secretKey(prefix = 'sk_live_') {
  return `${prefix}${randomBytes(18).toString('hex')}`
}

export function credentialOf(workspace: Workspace, overrides: Record<string, any> = {}) {
  return CredentialFactory.merge({ workspaceId: workspace.id, ...overrides }).create()
}

/**
 * Runs `callback` with ALLOW_PRIVATE_INTEGRATION_URLS off, as in production (.env.test turns it
 * on so the other tests can use local stubs). The HTTP server runs in this process, so the
 * guard of the validators and of the clients sees the change.
 */
export async function withPrivateUrlsRefused<T>(callback: () => Promise<T>) {
  const previous = outboundSettings.allowPrivate
  outboundSettings.allowPrivate = false
  try {
    return await callback()
  } finally {
    outboundSettings.allowPrivate = previous
  }
}

/** Asserts that a serialized body holds no part of a secret longer than its last 4 characters. */
export function assertNoSecret(
  assert: { notInclude: (haystack: string, needle: string, message?: string) => void },
  payload: unknown,
  ...secrets: string[]
) {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload)
  for (const secret of secrets) {
    assert.notInclude(text, secret, 'the full secret is exposed')
    /** Any 8-character window of the random part would already be a leak. */
    const random = secret.replace(/^(?:[A-Za-z]{1,8}_){1,2}/, '')
    for (let start = 0; start + 8 <= random.length - 4; start += 4) {
      assert.notInclude(text, random.slice(start, start + 8), 'part of the secret is exposed')
    }
  }
}

/** Sends a request and asserts its status. */
export async function expectStatus(request: PromiseLike<ApiResponse>, status: number) {
  const response = await request
  response.assertStatus(status)
  return response
}
