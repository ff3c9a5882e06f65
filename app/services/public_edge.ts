import app from '@adonisjs/core/services/app'
import router from '@adonisjs/core/services/router'
import { errors } from '@adonisjs/core'
import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'

/**
 * The public edge (issue 19): requests on workspace hosts — step pages, beacons, capture and
 * checkout endpoints — are dispatched here straight from the site-host server middleware, so
 * they skip what the signed-in side needs and a visitor's page does not: the static file server
 * (an fs.stat per request; it never serves anything under SITE_PREFIX), Vite, Inertia's
 * per-request setup, and the router's global stack (the body parser when the request has no
 * body; the app stack, already a no-op there). Routing, validation, throttles, caching and
 * headers stay those of the routes in start/routes/public*.ts: the same route table is matched
 * (same params and matchers), the same route middleware (publicWorkspace, publicThrottle) and
 * controllers run, and errors reach the same exception handler (site error pages).
 *
 * What is still run, in the router's order: the body parser (only with a body), the input
 * cleaning (query strings too), the locale; CORS only when the request has an Origin (the
 * site's CORS answer is `*`, config/cors.ts). Middleware classes are stateless: each is made
 * once per process instead of once per request.
 */

interface Handler {
  handle(ctx: HttpContext, next: NextFn, args?: unknown): unknown
}

type LazyImport = () => Promise<{ default: new (...args: any[]) => Handler }>

interface MiddlewareEntry {
  reference?: LazyImport | unknown
  args?: unknown
  handle(resolver: unknown, ctx: HttpContext, next: NextFn, args?: unknown): unknown
}

interface StoredRoute {
  pattern: string
  handler: unknown
  middleware: { all(): Set<MiddlewareEntry> }
}

/** The router's global stack as the public edge runs it (bodyparser only with a body). */
const PRELUDE = {
  bodyParser: () => import('@adonisjs/core/bodyparser_middleware'),
  cleanInput: () => import('#middleware/clean_input_middleware'),
  locale: () => import('#middleware/locale_middleware'),
}

class PublicEdge {
  #instances = new Map<unknown, Promise<Handler>>()
  #routeStacks = new WeakMap<object, MiddlewareEntry[]>()
  #globalEntries: Set<MiddlewareEntry> | null = null
  #controllers = new Map<unknown, Promise<{ instance: any; method: string } | null>>()

  /** One instance per middleware class for the process (none of them keeps request state). */
  #instance(load: LazyImport) {
    let instance = this.#instances.get(load)
    if (!instance) {
      instance = load().then(({ default: Class }) => app.container.make(Class))
      this.#instances.set(load, instance)
      instance.catch(() => this.#instances.delete(load))
    }
    return instance
  }

  /**
   * The router's global middleware (kernel `router.use`): the entries every route shares. A
   * route's stack is those, then its own (group and route middleware) — only the latter run here.
   */
  #globals() {
    if (!this.#globalEntries) {
      let shared: Set<MiddlewareEntry> | null = null
      for (const routes of Object.values(router.toJSON())) {
        for (const route of routes as unknown as StoredRoute[]) {
          const entries = route.middleware.all()
          shared = new Set([...(shared ?? entries)].filter((entry) => entries.has(entry)))
        }
      }
      this.#globalEntries = shared ?? new Set()
    }
    return this.#globalEntries
  }

  #ownStack(route: StoredRoute) {
    let stack = this.#routeStacks.get(route)
    if (!stack) {
      const globals = this.#globals()
      stack = [...route.middleware.all()].filter((entry) => !globals.has(entry))
      this.#routeStacks.set(route, stack)
    }
    return stack
  }

  /** Serves a request whose path already carries SITE_PREFIX (site_host_middleware). */
  async dispatch(ctx: HttpContext) {
    const { request } = ctx
    const url = request.url()
    const method = request.method()
    const matched = router.match(url, method, request.parsedUrl.shouldDecodeParam)
    if (!matched) throw new errors.E_ROUTE_NOT_FOUND([method, url])
    ctx.params = matched.params
    ctx.subdomains = matched.subdomains
    ctx.route = matched.route as any
    ctx.routeKey = matched.routeKey
    const route = matched.route as unknown as StoredRoute

    const run = () => this.#run(ctx, route)
    if (request.header('origin')) {
      const cors = await this.#instance(
        (() => import('@adonisjs/cors/cors_middleware')) as unknown as LazyImport
      )
      return cors.handle(ctx, run)
    }
    return run()
  }

  /**
   * Before a public error reaches the exception handler: the handler may render an Inertia
   * status page (a 403 on a GET), so Inertia is set up then — only on the error path.
   */
  async prepareForError(ctx: HttpContext) {
    if ((ctx as Partial<HttpContext>).inertia) return
    const inertia = (await this.#instance(
      (() => import('#middleware/inertia_middleware')) as unknown as LazyImport
    )) as unknown as { init(ctx: HttpContext): Promise<void> }
    await inertia.init(ctx)
  }

  async #run(ctx: HttpContext, route: StoredRoute) {
    const { request } = ctx
    if (hasBody(request.header('content-length'), request.header('transfer-encoding'))) {
      const parser = await this.#instance(PRELUDE.bodyParser as unknown as LazyImport)
      await parser.handle(ctx, async () => {})
    }
    const cleanInput = await this.#instance(PRELUDE.cleanInput as LazyImport)
    await cleanInput.handle(ctx, async () => {})
    const locale = await this.#instance(PRELUDE.locale as LazyImport)
    await locale.handle(ctx, async () => {})

    const stack = this.#ownStack(route)
    const next = async (index: number): Promise<unknown> => {
      if (index === stack.length) return this.#handle(ctx, route)
      const entry = stack[index]
      if (typeof entry === 'function') return (entry as any)(ctx, () => next(index + 1))
      if (typeof entry.reference === 'function') {
        const middleware = await this.#instance(entry.reference as LazyImport)
        return middleware.handle(ctx, () => next(index + 1) as any, entry.args)
      }
      return entry.handle(ctx.containerResolver, ctx, () => next(index + 1) as any, entry.args)
    }
    return next(0)
  }

  /**
   * A `[Controller, 'method']` route's controller, made once: the public controllers keep no
   * state and take nothing from the container. One that declares injections (`@inject`) is
   * left to the container, per request, as the router does.
   */
  async #controller(reference: unknown) {
    if (!Array.isArray(reference) || typeof reference[1] !== 'string') return null
    let controller = this.#controllers.get(reference)
    if (controller === undefined) {
      controller = (async () => {
        const target = reference[0]
        const loaded = isClass(target) ? { default: target } : await target()
        const Class = loaded.default
        if ('containerInjections' in Class) return null
        return { instance: await app.container.make(Class), method: reference[1] as string }
      })()
      this.#controllers.set(reference, controller)
    }
    return controller
  }

  /** The route's controller action, as the router calls it (its return value is the body). */
  async #handle(ctx: HttpContext, route: StoredRoute) {
    const handler = route.handler as
      | ((ctx: HttpContext) => unknown)
      | { reference?: unknown; handle(resolver: unknown, ctx: HttpContext): unknown }
    let value: unknown
    if (typeof handler === 'function') {
      value = await handler(ctx)
    } else {
      const controller = await this.#controller(handler.reference)
      value = controller
        ? await controller.instance[controller.method](ctx)
        : await handler.handle(ctx.containerResolver, ctx)
    }
    if (value !== undefined && value !== ctx.response && !ctx.response.hasLazyBody) {
      ctx.response.send(value)
    }
  }
}

function isClass(value: unknown): value is new (...args: any[]) => any {
  return typeof value === 'function' && /^class[\s{]/.test(Function.prototype.toString.call(value))
}

/** Whether the request carries a body (the body parser has something to read). */
function hasBody(contentLength: string | undefined, transferEncoding: string | undefined) {
  return Boolean(transferEncoding) || (contentLength !== undefined && contentLength !== '0')
}

export const publicEdge = new PublicEdge()
