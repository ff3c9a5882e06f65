import type Workspace from '#models/workspace'
import type { PaymentGateway } from '#enums/payments'
import Credential from '#models/credential'
import SandboxGateway from '#services/gateways/sandbox_gateway'
import SkalePayGateway from '#services/gateways/skalepay_gateway'
import { GatewayError, type Gateway } from './types.js'

export * from './types.js'

async function skalePayCredential(workspaceId: number) {
  return Credential.query()
    .where('workspace_id', workspaceId)
    .where('service', 'skalepay')
    .where('is_active', true)
    .orderBy('id', 'desc')
    .first()
}

function skalePay(credential: Credential) {
  return new SkalePayGateway({
    apiKey: credential.apiKey,
    apiSecret: credential.apiSecret,
    apiUrl: credential.apiUrl,
    settings: credential.settings ?? {},
  })
}

/**
 * The gateway new charges of a workspace go to: SkalePay when it has an active SkalePay
 * credential, else the sandbox.
 */
export async function gatewayForNewCharge(workspace: Pick<Workspace, 'id'>): Promise<Gateway> {
  const credential = await skalePayCredential(workspace.id)
  return credential ? skalePay(credential) : new SandboxGateway(workspace.id)
}

/**
 * The gateway an existing payment lives at (its `gateway` column). A SkalePay payment whose
 * credential was removed cannot be read: that is a visible `invalid_credentials` failure.
 */
export async function gatewayForPayment(payment: {
  workspaceId: number
  gateway: PaymentGateway
}): Promise<Gateway> {
  if (payment.gateway === 'sandbox') return new SandboxGateway(payment.workspaceId)
  const credential = await skalePayCredential(payment.workspaceId)
  if (!credential) throw new GatewayError('invalid_credentials', 'no active SkalePay credential')
  return skalePay(credential)
}
