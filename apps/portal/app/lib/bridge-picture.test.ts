import { describe, expect, it } from 'vitest'
import { HEIGHT, layoutBridge, rungY, WIDTH } from './bridge-picture'
import { bridgePillars } from './livelihood'

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`

describe('the bridge picture', () => {
  it('puts the five pillars side by side inside the picture, step 1 low and step 5 high', () => {
    const layout = layoutBridge(bridgePillars.map((pillar) => ({ pillar, history: [] })))
    expect(layout.map((p) => p.pillar)).toEqual([...bridgePillars])
    const xs = layout.map((p) => p.x)
    expect([...xs].sort((a, b) => a - b)).toEqual(xs)
    expect(Math.min(...xs)).toBeGreaterThan(20)
    expect(Math.max(...xs)).toBeLessThan(WIDTH - 20)
    expect(rungY(1)).toBeGreaterThan(rungY(5))
    expect(rungY(5)).toBeGreaterThan(0)
    expect(layout[0]!.labelY).toBeLessThan(HEIGHT)
    expect(layout.every((p) => p.dots.length === 0)).toBe(true)
  })

  it('shows where the client stands now, where they stood before and where they want to go', () => {
    const [money] = layoutBridge([
      { pillar: 'money', history: [{ step: 1, nextStep: 2, placedAt: at(1) }, { step: 1, nextStep: null, placedAt: at(8) }, { step: 2, nextStep: 3, placedAt: at(15) }] },
    ])
    const kinds = money!.dots.map((dot) => [dot.kind, dot.step])
    expect(kinds).toEqual([
      ['before', 1],
      ['before', 1],
      ['now', 2],
      ['next', 3],
    ])
    // Two earlier placements on one rung do not sit on top of each other.
    expect(money!.dots[0]!.x).not.toBe(money!.dots[1]!.x)
  })

  it('keeps the picture calm: at most four earlier dots per pillar', () => {
    const history = Array.from({ length: 9 }, (_, i) => ({ step: (i % 5) + 1, nextStep: null, placedAt: at(i + 1) }))
    const [work] = layoutBridge([{ pillar: 'work', history }])
    expect(work!.dots.filter((dot) => dot.kind === 'before')).toHaveLength(4)
    expect(work!.dots.filter((dot) => dot.kind === 'now')).toHaveLength(1)
  })
})
