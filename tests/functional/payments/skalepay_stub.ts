import { StubServer } from '#tests/helpers/stub_server'

const DYNAMIC_CODE =
  '00020101021226770014BR.GOV.BCB.PIX2555api.itau/pix/qr/v2/b8e8a562-77b9-4d0f-9f48-7d99303bf5f25204000053039865802BR5909CAKTO PAY6009SAO PAULO62070503***630476FD'

/**
 * A SkalePay stand-in per docs/integrations/skalepay.md: `POST /v1/transactions` creates a
 * PIX charge (waiting_payment, a valid BR Code), `GET /v1/transactions/:id` reads it. `setStatus`
 * plays the buyer paying (or the bank refusing) on the gateway's side.
 */
export class SkalePayStub {
  transactions = new Map<string, Record<string, any>>()
  /** The PIX code a new charge carries (default: the dynamic example of docs/integrations/pix_br_code.md, no amount). */
  pixCodeFor: (body: Record<string, any>) => string = () => DYNAMIC_CODE
  #next = 1000

  private constructor(public server: StubServer) {}

  static async start(key = 'sk_test_valid') {
    const stub = new SkalePayStub(await StubServer.start())
    const authorized = (header: string | undefined) =>
      header === `Basic ${Buffer.from(`${key}:x`).toString('base64')}`
    stub.server.on('POST', '/v1/transactions', ({ headers, body }) => {
      if (!authorized(headers.authorization))
        return { status: 401, body: { message: 'Unauthorized' } }
      if (!body?.customer?.document?.number) {
        return {
          status: 400,
          body: { errors: [{ field: 'customer.document', message: 'is required' }] },
        }
      }
      const id = String(stub.#next++)
      const transaction = {
        id,
        status: 'waiting_payment',
        amount: body.amount,
        paymentMethod: 'pix',
        externalRef: body.externalRef,
        postbackUrl: body.postbackUrl,
        createdAt: new Date().toISOString(),
        customer: body.customer,
        items: body.items,
        pix: {
          qrcode: stub.pixCodeFor(body),
          expirationDate: new Date(Date.now() + 24 * 3600_000).toISOString(),
        },
      }
      stub.transactions.set(id, transaction)
      return { status: 200, body: transaction }
    })
    stub.server.on('GET', '/v1/transactions/:id', ({ headers, params }) => {
      if (!authorized(headers.authorization))
        return { status: 401, body: { message: 'Unauthorized' } }
      const transaction = stub.transactions.get(params.id)
      return transaction ? { body: transaction } : { status: 404, body: { message: 'Not found' } }
    })
    return stub
  }

  get apiUrl() {
    return `${this.server.url}/v1`
  }

  /** The gateway's side changes: the buyer paid, the bank refused… */
  setStatus(id: string, status: string) {
    const transaction = this.transactions.get(id)!
    transaction.status = status
    if (status === 'paid') {
      transaction.paidAt = new Date().toISOString()
      transaction.paidAmount = transaction.amount
    }
    return transaction
  }

  /** The postback SkalePay would send, in the envelope or the flat shape. */
  postback(id: string, shape: 'envelope' | 'flat' = 'envelope', status?: string) {
    const transaction = { ...this.transactions.get(id)!, ...(status ? { status } : {}) }
    return shape === 'flat'
      ? transaction
      : {
          id: `evt_${id}_${transaction.status}`,
          type: 'transaction',
          objectId: id,
          data: transaction,
        }
  }

  close() {
    return this.server.close()
  }
}
