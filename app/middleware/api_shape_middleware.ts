import type { HttpContext } from '@adonisjs/core/http'
import type { NextFn } from '@adonisjs/core/types/http'
import { API_CONTRACT, shapeSpec } from '#services/api_contract'
import { adaptShape, shapeError, type FieldError } from '#services/api_shape'

const BODY_METHODS = ['POST', 'PUT', 'PATCH']

/**
 * JSON API routes accept the seed's snake_case shape and ours (see #services/api_shape): the
 * body becomes camelCase, decimal prices become cents, and a key neither shape knows is a 422
 * naming it instead of being dropped. Query strings are renamed the same way; unknown query
 * parameters are ignored (documented), since caches and proxies add their own.
 * Runs after authentication, so an anonymous caller learns nothing about the shape.
 */
export async function apiShape(ctx: HttpContext, next: NextFn) {
  const contract = ctx.route?.name ? API_CONTRACT[ctx.route.name] : undefined
  if (!contract) return next()
  const locale = ctx.locale ?? 'pt-BR'
  const errors: FieldError[] = []

  if (BODY_METHODS.includes(ctx.request.method())) {
    const body = ctx.request.body()
    const spec = shapeSpec(contract, 'body')
    if (spec) {
      const adapted = adaptShape(body, spec, locale)
      errors.push(...adapted.errors)
      ctx.request.updateBody(adapted.data)
    } else {
      const adapted = adaptShape(body, { schema: { type: 'object', properties: {} } }, locale)
      errors.push(...adapted.errors)
    }
  }

  const querySpec = shapeSpec(contract, 'query')
  if (querySpec) {
    const adapted = adaptShape(ctx.request.qs(), querySpec, locale)
    errors.push(...adapted.errors.filter((error) => error.rule !== 'unknown_field'))
    ctx.request.updateQs({ ...adapted.data })
  }

  if (errors.length) throw shapeError(errors)
  return next()
}
