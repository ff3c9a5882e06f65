import type { DateTime } from 'luxon'
import type Credential from '#models/credential'
import Workspace from '#models/workspace'
import User from '#models/user'
import AgencyMember from '#models/agency_member'
import mail from '@adonisjs/mail/services/main'
import logger from '@adonisjs/core/services/logger'
import GatewayUnhealthyMail from '#mails/gateway_unhealthy_mail'
import { appUrl } from '#config/app'
import { broadcastToWorkspace } from '#services/realtime'
import { subscribedEndpoints } from '#actions/postbacks/destinations'
import RecordDeliveries from '#actions/postbacks/record_deliveries'

/** The body of `gateway.unhealthy`: which credential, what it says now, since when. */
export function gatewayUnhealthyWebhookBody(credential: Credential, occurredAt: Date) {
  return {
    event: 'gateway.unhealthy',
    occurredAt: occurredAt.toISOString(),
    data: {
      credential: {
        id: credential.id,
        service: credential.service,
        name: credential.name,
        health: credential.healthStatus,
        error: credential.healthError,
      },
    },
  }
}

/**
 * The payment gateway's credential just became unhealthy: a `gateway.unhealthy` webhook to
 * each of the agency's endpoints subscribed to it (through the deliveries mechanism: recorded,
 * signed, retried, visible in Entregas), an e-mail to the agency's owners and admins, and a
 * live event so open admin pages show the banner.
 * The dedupe key carries the moment of the move, so one move is announced once even if the
 * caller is retried, and the next move (after it was healthy again) is announced again.
 */
export default class AnnounceGatewayUnhealthy {
  static async handle({
    credential,
    transitionAt,
  }: {
    credential: Credential
    transitionAt: DateTime
  }) {
    const workspace = await Workspace.findOrFail(credential.workspaceId)
    const endpoints = await subscribedEndpoints(workspace, 'gateway.unhealthy')
    const moment = transitionAt.toMillis()
    await RecordDeliveries.handle(
      workspace,
      endpoints.map((endpoint) => ({
        target: 'custom' as const,
        event: 'gateway.unhealthy',
        webhookEndpointId: endpoint.id,
        dedupeKey: `custom:gateway.unhealthy:${credential.id}:${moment}:${endpoint.id}`,
        request: { body: gatewayUnhealthyWebhookBody(credential, transitionAt.toJSDate()) },
      }))
    )
    await this.#mail(workspace, credential)
    broadcastToWorkspace(workspace.id, 'gateway_health_changed', {
      credentialId: credential.id,
      health: credential.healthStatus,
    })
  }

  /**
   * An e-mail to the agency's owners and admins (active users), queued on the `mail` queue.
   * A mail failure is logged: it must never fail the charge or the poll that noticed.
   */
  static async #mail(workspace: Workspace, credential: Credential) {
    try {
      const recipients = await User.query()
        .where('is_active', true)
        .whereIn(
          'id',
          AgencyMember.query()
            .select('user_id')
            .where('agency_id', workspace.agencyId)
            .whereIn('role', ['owner', 'admin'])
        )
        .select('id', 'email', 'locale')
      const url = `${appUrl.replace(/\/$/, '')}/w/${workspace.slug}/credentials`
      for (const user of recipients) {
        await mail.sendLater(
          new GatewayUnhealthyMail({
            to: user.email,
            locale: user.locale,
            workspace: workspace.name,
            credential: credential.name,
            health: credential.healthStatus,
            error: credential.healthError,
            url,
          })
        )
      }
    } catch (error) {
      logger.error(
        { err: error, credentialId: credential.id },
        'gateway.unhealthy e-mail not queued'
      )
    }
  }
}
