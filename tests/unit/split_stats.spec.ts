import { test } from '@japa/runner'
import { randomBytes } from 'node:crypto'
import {
  chiSquareTest,
  compareArms,
  pickByWeight,
  probabilityToBeatControl,
  variantForVisitor,
} from '#services/split_stats'

/** 10,000 visitors with random ids (as `fd_sid` cookies are made) through the edge's choice. */
function simulate(weights: number[], visitors = 10_000, testId = 7) {
  const variants = weights.map((weight, index) => ({ id: index + 1, weight }))
  const counts = new Map<number, number>()
  for (let i = 0; i < visitors; i++) {
    const visitorId = randomBytes(18).toString('base64url')
    const chosen = variantForVisitor(variants, testId, visitorId)!
    counts.set(chosen.id, (counts.get(chosen.id) ?? 0) + 1)
  }
  return variants.map((variant) => (counts.get(variant.id) ?? 0) / visitors)
}

test.group('Split tests: weighted assignment', () => {
  test('10,000 visitors split {weights} within ±2 % of the weights')
    .with([
      { weights: [50, 50] },
      { weights: [70, 30] },
      { weights: [50, 25, 25] },
      { weights: [10, 20, 30, 40] },
    ])
    .run(({ assert }, { weights }) => {
      const total = weights.reduce((a, b) => a + b, 0)
      const shares = simulate(weights)
      shares.forEach((share, index) => {
        const expected = weights[index] / total
        assert.isAtMost(
          Math.abs(share - expected),
          0.02,
          `variant ${index + 1}: ${share} vs ${expected}`
        )
      })
    })

  test('a visitor gets the same variant every time; another test reshuffles', ({ assert }) => {
    const variants = [
      { id: 1, weight: 50 },
      { id: 2, weight: 50 },
    ]
    const ids = Array.from({ length: 200 }, () => randomBytes(18).toString('base64url'))
    for (const id of ids) {
      const first = variantForVisitor(variants, 1, id)
      for (let visit = 0; visit < 5; visit++) {
        assert.strictEqual(variantForVisitor(variants, 1, id), first)
      }
    }
    /** Test 2's assignment is independent of test 1's: not everyone lands on the same side. */
    const same = ids.filter(
      (id) => variantForVisitor(variants, 1, id)!.id === variantForVisitor(variants, 2, id)!.id
    ).length
    assert.isAbove(same, 60)
    assert.isBelow(same, 140)
  })

  test('a variant weighing 0 is never chosen; all zero chooses nothing', ({ assert }) => {
    const shares = simulate([0, 100, 0], 2_000)
    assert.deepEqual(shares, [0, 1, 0])
    assert.isNull(pickByWeight([{ weight: 0 }, { weight: 0 }], 0.5))
    assert.equal(pickByWeight([{ weight: 1 }, { weight: 3 }], 0.2499)!.weight, 1)
    assert.equal(pickByWeight([{ weight: 1 }, { weight: 3 }], 0.25)!.weight, 3)
  })
})

test.group('Split tests: significance', () => {
  /**
   * Expected figures computed independently (SciPy: numerical integration of
   * ∫ f_B(x)·F_A(x) dx over the Beta posteriors, and chi2_contingency without correction).
   */
  test('known fixture: 100/1000 control vs 130/1000 variant', ({ assert }) => {
    const control = { visitors: 1000, conversions: 100 }
    const variant = { visitors: 1000, conversions: 130 }
    assert.closeTo(probabilityToBeatControl(control, variant), 0.9821650661163506, 1e-9)
    const chi = chiSquareTest(control, variant)!
    assert.closeTo(chi.statistic, 4.421518054532056, 1e-9)
    assert.closeTo(chi.pValue, 0.03548845046647463, 1e-6)
    assert.deepEqual(compareArms(control, variant), {
      probabilityToBeatControl: 0.9822,
      chiSquare: 4.4215,
      pValue: 0.0355,
    })
  })

  test('more fixtures, and the symmetry P(B>A) + P(A>B) = 1', ({ assert }) => {
    assert.closeTo(
      probabilityToBeatControl(
        { visitors: 200, conversions: 20 },
        { visitors: 210, conversions: 25 }
      ),
      0.7278998217789756,
      1e-9
    )
    assert.closeTo(
      probabilityToBeatControl({ visitors: 10, conversions: 1 }, { visitors: 12, conversions: 3 }),
      0.7846790890269146,
      1e-9
    )
    assert.closeTo(
      chiSquareTest({ visitors: 10, conversions: 1 }, { visitors: 12, conversions: 3 })!.pValue,
      0.3637223273807114,
      1e-6
    )
    const a = { visitors: 500, conversions: 40 }
    const b = { visitors: 480, conversions: 47 }
    assert.closeTo(probabilityToBeatControl(a, b) + probabilityToBeatControl(b, a), 1, 1e-9)
    /** Equal arms: a coin toss. */
    assert.closeTo(probabilityToBeatControl(a, a), 0.5, 1e-9)
  })

  test('no data gives no figure instead of a fake one', ({ assert }) => {
    assert.isNull(chiSquareTest({ visitors: 0, conversions: 0 }, { visitors: 0, conversions: 0 }))
    assert.isNull(chiSquareTest({ visitors: 10, conversions: 0 }, { visitors: 10, conversions: 0 }))
    assert.deepEqual(
      compareArms({ visitors: 0, conversions: 0 }, { visitors: 5, conversions: 1 }),
      {
        probabilityToBeatControl: null,
        chiSquare: null,
        pValue: null,
      }
    )
  })
})
