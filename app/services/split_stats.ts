import { createHash } from 'node:crypto'

/**
 * The arithmetic of split tests, free of HTTP and SQL: the weighted, deterministic choice of a
 * variant, and the significance of a difference in conversion.
 */

/** A number in [0, 1) from a string, uniform and stable (the first 48 bits of its SHA-1). */
export function unitHash(seed: string) {
  const digest = createHash('sha1').update(seed).digest()
  return digest.readUIntBE(0, 6) / 2 ** 48
}

/**
 * The variant whose share of the weights `point` (in [0, 1)) falls into. Weights are relative:
 * 50/50 and 1/1 split alike; variants weighing 0 are never chosen. Null when all weigh 0.
 */
export function pickByWeight<V extends { weight: number }>(variants: V[], point: number) {
  const total = variants.reduce((sum, variant) => sum + Math.max(0, variant.weight), 0)
  if (total <= 0) return null
  let edge = 0
  for (const variant of variants) {
    if (variant.weight <= 0) continue
    edge += variant.weight / total
    if (point < edge) return variant
  }
  return [...variants].reverse().find((variant) => variant.weight > 0) ?? null
}

/**
 * The variant of a visitor in a test: a hash of the test and the visitor id, so the same visitor
 * gets the same variant on any instance without storing anything, and the visitors of a test
 * spread over the variants in proportion to the weights.
 */
export function variantForVisitor<V extends { weight: number }>(
  variants: V[],
  testId: number,
  visitorId: string
) {
  return pickByWeight(variants, unitHash(`split:${testId}:${visitorId}`))
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
]

/** ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x)
  const z = x - 1
  let sum = LANCZOS[0]
  for (let i = 1; i < 9; i++) sum += LANCZOS[i] / (z + i)
  const t = z + 7.5
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

function logBeta(a: number, b: number) {
  return logGamma(a) + logGamma(b) - logGamma(a + b)
}

export interface ArmCounts {
  visitors: number
  conversions: number
}

/**
 * P(rate of `variant` > rate of `control`) with uniform priors: each arm's rate is
 * Beta(1 + conversions, 1 + visitors − conversions), and the probability is the exact closed
 * form (Evan Miller, "Formulas for Bayesian A/B Testing"), a sum over the variant's
 * conversions — no sampling, so the same counts always give the same figure.
 */
export function probabilityToBeatControl(control: ArmCounts, variant: ArmCounts) {
  const alphaA = 1 + control.conversions
  const betaA = 1 + Math.max(0, control.visitors - control.conversions)
  const alphaB = 1 + variant.conversions
  const betaB = 1 + Math.max(0, variant.visitors - variant.conversions)
  const constant = logBeta(alphaA, betaA)
  let total = 0
  for (let i = 0; i < alphaB; i++) {
    total += Math.exp(
      logBeta(alphaA + i, betaA + betaB) - Math.log(betaB + i) - logBeta(1 + i, betaB) - constant
    )
  }
  return Math.min(1, Math.max(0, total))
}

/** erfc(x) for x ≥ 0 (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7). */
function erfc(x: number) {
  const t = 1 / (1 + 0.5 * x)
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t *
                          (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))))
  return t * Math.exp(poly)
}

/**
 * Pearson's chi-square test of the 2×2 table (converted or not × control or variant), without
 * continuity correction: the statistic and its p-value with one degree of freedom. Null when
 * a margin is empty (no visitors, or everybody or nobody converted).
 */
export function chiSquareTest(control: ArmCounts, variant: ArmCounts) {
  const a = control.conversions
  const b = control.visitors - control.conversions
  const c = variant.conversions
  const d = variant.visitors - variant.conversions
  const n = a + b + c + d
  const margins = (a + b) * (c + d) * (a + c) * (b + d)
  if (n === 0 || margins === 0) return null
  const statistic = (n * (a * d - b * c) ** 2) / margins
  return { statistic, pValue: erfc(Math.sqrt(statistic / 2)) }
}

/** The figures a results table shows for one arm against the control. */
export function compareArms(control: ArmCounts, variant: ArmCounts) {
  const chi = chiSquareTest(control, variant)
  return {
    probabilityToBeatControl:
      control.visitors > 0 && variant.visitors > 0
        ? round(probabilityToBeatControl(control, variant), 4)
        : null,
    chiSquare: chi ? round(chi.statistic, 4) : null,
    pValue: chi ? round(chi.pValue, 4) : null,
  }
}

function round(value: number, digits: number) {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** How the significance is computed, as the results say it. */
export const SIGNIFICANCE_METHOD = {
  primary: 'bayesian_beta',
  description:
    'P(variant beats control) with Beta(1 + conversions, 1 + non-conversions) posteriors (exact closed form); chi-square 2×2 p-value (1 df, no continuity correction) alongside',
} as const
