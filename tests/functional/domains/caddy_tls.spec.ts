import { test } from '@japa/runner'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import https from 'node:https'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { TLSSocket } from 'node:tls'
import { DateTime } from 'luxon'
import { freshDatabase } from '#tests/helpers/database'
import { createTenant } from '#tests/helpers/tenants'
import { serverUrl } from '#tests/helpers/server'
import { waitUntil } from '#tests/helpers/wait_until'
import { FunnelFactory } from '#database/factories/funnel_factory'
import { FunnelStepFactory } from '#database/factories/funnel_step_factory'
import { publish } from '#tests/helpers/publish'
import { TtlCache } from '#services/ttl_cache'

/** The Debian package's binary (`.ci/run` installs it), or whatever `caddy` is on the PATH. */
function caddyBinary() {
  if (existsSync('/usr/bin/caddy')) return '/usr/bin/caddy'
  const found = spawnSync('sh', ['-c', 'command -v caddy'], { encoding: 'utf8' })
  return found.status === 0 && found.stdout.trim() ? found.stdout.trim() : null
}

const caddy = caddyBinary()
if (!caddy) {
  console.log('caddy_tls.spec: skipped, no caddy binary (apt-get install caddy)')
}

/** A port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

interface RunningCaddy {
  process: ChildProcess
  httpsPort: number
  dir: string
  log: () => string
}

/**
 * Caddy as production runs it (Caddyfile at the repo root), scaled down to loopback: on-demand
 * TLS with its ask pointing at the test server, certificates from its own internal CA instead
 * of Let's Encrypt, high free ports, admin API off, every file under a temporary directory.
 */
async function startCaddy(binary: string): Promise<RunningCaddy> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'funil-caddy-'))
  const [httpPort, httpsPort] = [await freePort(), await freePort()]
  const app = new URL(serverUrl())
  const caddyfile = path.join(dir, 'Caddyfile')
  writeFileSync(
    caddyfile,
    `{
	admin off
	http_port ${httpPort}
	https_port ${httpsPort}
	default_bind 127.0.0.1
	skip_install_trust
	storage file_system {
		root ${path.join(dir, 'storage')}
	}
	on_demand_tls {
		ask ${app.origin}/_caddy/ask
	}
}

https:// {
	tls internal {
		on_demand
	}
	reverse_proxy ${app.host}
}
`
  )
  let output = ''
  const child = spawn(binary, ['run', '--config', caddyfile, '--adapter', 'caddyfile'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      XDG_DATA_HOME: path.join(dir, 'data'),
      XDG_CONFIG_HOME: path.join(dir, 'config'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const running = { process: child, httpsPort, dir, log: () => output }
  await waitUntil(
    async () => {
      if (child.exitCode !== null) throw new Error(`caddy exited:\n${output}`)
      return (await canConnect(httpsPort)) && existsSync(rootCertificate(running))
    },
    { timeoutMs: 20_000, message: 'caddy listening with its internal CA' }
  )
  return running
}

function canConnect(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

/** Caddy's internal root, which the client trusts as a browser would trust Let's Encrypt. */
function rootCertificate(running: Pick<RunningCaddy, 'dir'>) {
  return path.join(running.dir, 'storage/pki/authorities/local/root.crt')
}

async function stopCaddy(running: RunningCaddy) {
  if (running.process.exitCode === null) {
    const exited = new Promise((resolve) => running.process.once('exit', resolve))
    running.process.kill('SIGTERM')
    await exited
  }
  rmSync(running.dir, { recursive: true, force: true })
}

interface HttpsResult {
  status: number
  body: string
  certificateNames: string
  issuer: string
}

/**
 * `curl --resolve domain:port:127.0.0.1 https://domain:port/path`: SNI and Host name the domain,
 * the connection goes to Caddy on the loopback, and the certificate must verify for the domain
 * against Caddy's root (no rejectUnauthorized: false).
 */
function httpsGet(running: RunningCaddy, domain: string, pathname: string) {
  return new Promise<HttpsResult>((resolve, reject) => {
    const request = https.request(
      {
        host: '127.0.0.1',
        port: running.httpsPort,
        path: pathname,
        servername: domain,
        headers: { host: `${domain}:${running.httpsPort}` },
        ca: readFileSync(rootCertificate(running)),
        agent: false,
        timeout: 15_000,
      },
      (response) => {
        const certificate = (response.socket as TLSSocket).getPeerCertificate()
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (body += chunk))
        response.on('end', () =>
          resolve({
            status: response.statusCode!,
            body,
            certificateNames: certificate.subjectaltname ?? '',
            issuer: String(certificate.issuer?.CN ?? ''),
          })
        )
      }
    )
    request.on('timeout', () => request.destroy(new Error('timeout')))
    request.on('error', reject)
    request.end()
  })
}

test.group('Custom domains get HTTPS from Caddy on demand', (group) => {
  freshDatabase(group)
  let running: RunningCaddy | undefined
  group.each.teardown(async () => {
    if (running) await stopCaddy(running)
    running = undefined
  })

  test('a verified domain gets a certificate and its funnel page; an unverified one gets no TLS', async ({
    assert,
  }) => {
    const { workspace } = await createTenant({ workspaceSlug: 'acme' })
    await workspace
      .merge({
        customDomain: 'ofertas.acme.test',
        customDomainToken: 'd'.repeat(32),
        customDomainVerifiedAt: DateTime.now(),
      })
      .save()
    const funnel = await FunnelFactory.merge({
      workspaceId: workspace.id,
      slug: 'black-friday',
      isActive: true,
    }).create()
    await FunnelStepFactory.merge({
      workspaceId: workspace.id,
      funnelId: funnel.id,
      orderIndex: 0,
      slug: 'inscricao',
      isActive: true,
      content: { headline: 'Inscrição Black Friday', fields: ['name', 'email'] },
    }).create()
    await publish(funnel)
    const pending = await createTenant({ workspaceSlug: 'beta' })
    await pending.workspace
      .merge({ customDomain: 'loja.beta.test', customDomainToken: 'e'.repeat(32) })
      .save()
    TtlCache.clearAll()

    running = await startCaddy(caddy!)

    const page = await httpsGet(running, 'ofertas.acme.test', '/black-friday/inscricao')
    assert.equal(page.status, 200, running.log())
    assert.include(page.body, 'Inscrição Black Friday')
    assert.include(page.certificateNames, 'DNS:ofertas.acme.test')
    assert.match(page.issuer, /Caddy Local Authority/)

    /** The workspace subdomain is served on demand too (where no wildcard certificate exists). */
    const subdomain = await httpsGet(running, 'acme.localhost', '/black-friday')
    assert.equal(subdomain.status, 200)

    /** Caddy asked, the app said 404, no certificate: the handshake itself fails. */
    for (const refused of ['loja.beta.test', 'nobody.example.test']) {
      const error = await httpsGet(running, refused, '/black-friday').then(
        () => null,
        (failure: NodeJS.ErrnoException) => failure
      )
      assert.isNotNull(error, `${refused} must not get a certificate`)
      /** EPROTO: "tlsv1 alert internal error", Caddy's answer when it has no certificate. */
      assert.match(`${error!.code} ${error!.message}`, /EPROTO|ERR_SSL|ECONNRESET|alert/i)
    }
    const certificates = path.join(running.dir, 'storage/certificates')
    const issued = spawnSync('find', [certificates, '-name', '*.crt'], { encoding: 'utf8' }).stdout
    assert.include(issued, 'ofertas.acme.test.crt')
    assert.notInclude(issued, 'loja.beta.test')
    assert.notInclude(issued, 'nobody.example.test')
  })
    .skip(!caddy, 'needs the caddy binary (apt-get install caddy)')
    .timeout(60_000)

  test('the repository Caddyfile adapts: admin, wildcard and custom domains ask the app', async ({
    assert,
  }) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'funil-caddy-'))
    try {
      const adapted = spawnSync(
        caddy!,
        ['adapt', '--config', path.join(process.cwd(), 'Caddyfile'), '--adapter', 'caddyfile'],
        {
          encoding: 'utf8',
          cwd: dir,
          env: {
            PATH: process.env.PATH,
            HOME: dir,
            XDG_DATA_HOME: dir,
            XDG_CONFIG_HOME: dir,
            APP_DOMAIN: 'app.funil.digital',
            PUBLIC_DOMAIN: 'funil.site',
            APP_UPSTREAM: 'web:3333',
            CADDY_ASK_TOKEN: 'segredo',
          },
        }
      )
      assert.equal(adapted.status, 0, adapted.stderr)
      const config = JSON.parse(adapted.stdout)
      assert.equal(
        config.apps.tls.automation.on_demand.ask,
        'http://web:3333/_caddy/ask?token=segredo'
      )
      const routes = Object.values(config.apps.http.servers as Record<string, any>).flatMap(
        (server) => server.routes
      )
      assert.deepEqual(
        routes.map((route: any) => route.match?.[0]?.host ?? ['(any)']),
        [['app.funil.digital'], ['*.funil.site'], ['(any)']]
      )
      for (const route of routes) {
        const [blocked, proxied] = route.handle[0].routes
        assert.deepEqual(blocked.match, [{ path: ['/_caddy/*'] }], 'visitors never reach the ask')
        assert.equal(blocked.handle[0].status_code, 404)
        assert.equal(proxied.handle[0].upstreams[0].dial, 'web:3333')
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }).skip(!caddy, 'needs the caddy binary (apt-get install caddy)')
})
