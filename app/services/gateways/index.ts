import type Workspace from '#models/workspace'
import type { PaymentGateway } from '#enums/payments'
import Credential from '#models/credential'
import SandboxGateway from '#services/gateways/sandbox_gateway'
import SkalePayGateway from '#services/gateways/skalepay_gateway'
import HealthTrackedGateway from '#services/gateways/health_tracked_gateway'
import { GatewayError, type Gateway } from './types.js'

export * from './types.js'

async function skalePayCredential(workspaceId: number) {
  return Credential.forWorkspace(workspaceId)
    .where('service', 'skalepay')
    .where('is_active', true)
    .orderBy('id', 'desc')
    .first()
}

/** SkalePay with the credential's key; each call records the credential's health. */
function skalePay(credential: Credential): Gateway {
  const gateway = new SkalePayGateway({
    apiKey: credential.apiKey,
    apiSecret: credential.apiSecret,
    apiUrl: credential.apiUrl,
    settings: credential.settings ?? {},
  })
  return new HealthTrackedGateway(gateway, credential)
}

/**
 * The gateway new charges of a workspace go to: SkalePay when it has an active SkalePay
 * credential, else the sandbox. The credential's health plays no part: a failing SkalePay
 * fails the charge (visibly, see HealthTrackedGateway) and never turns into a sandbox code,
 * which would look payable to the buyer and pay nobody.
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
