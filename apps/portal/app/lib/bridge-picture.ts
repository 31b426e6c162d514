/**
 * The bridge as geometry: five pillars side by side under one deck, each a ladder of five rungs
 * (step 1 at the bottom, step 5 just under the deck). Pure (no React, no DOM): the page draws it as
 * SVG on the server, print uses the same picture, and it is unit-tested.
 *
 * Coordinates are SVG units; at 360 px wide one unit is about one pixel, so 12-unit labels stay
 * readable on a phone.
 */
import type { BridgePillar } from './livelihood'

export interface PicturePlacement {
  step: number
  nextStep: number | null
  placedAt: string
}

export interface PictureDot {
  x: number
  y: number
  step: number
  kind: 'now' | 'before' | 'next'
}

export interface PicturePillar {
  pillar: BridgePillar
  x: number
  rungs: { step: number; y: number }[]
  dots: PictureDot[]
  labelY: number
}

export const WIDTH = 360
export const HEIGHT = 300
const DECK_Y = 36
const GROUND_Y = 246
const MARGIN = 36
const RAIL_GAP = 30
/** How many earlier placements a ladder shows (the oldest fall off the picture, the list keeps them). */
const EARLIER_SHOWN = 4

export const rungY = (step: number): number => GROUND_Y - 12 - ((step - 1) * (GROUND_Y - DECK_Y - 40)) / 4

export const deck = { y: DECK_Y, from: 8, to: WIDTH - 8, groundY: GROUND_Y, railGap: RAIL_GAP }

/**
 * Where each pillar stands and its dots: the current placement filled in the middle of its rung,
 * earlier ones as small open dots to the left (newest nearest), the wished next step as a ring to the right.
 */
export function layoutBridge(pillars: readonly { pillar: BridgePillar; history: readonly PicturePlacement[] }[]): PicturePillar[] {
  const spacing = (WIDTH - 2 * MARGIN) / Math.max(1, pillars.length - 1)
  return pillars.map(({ pillar, history }, index) => {
    const x = MARGIN + index * spacing
    const current = history.at(-1)
    const earlier = history.slice(0, -1).slice(-EARLIER_SHOWN).reverse()
    const dots: PictureDot[] = earlier.map((placement, k) => ({ x: x - 8 - k * 5, y: rungY(placement.step), step: placement.step, kind: 'before' as const }))
    if (current) {
      dots.push({ x, y: rungY(current.step), step: current.step, kind: 'now' })
      if (current.nextStep !== null) dots.push({ x: x + 10, y: rungY(current.nextStep), step: current.nextStep, kind: 'next' })
    }
    return { pillar, x, rungs: [1, 2, 3, 4, 5].map((step) => ({ step, y: rungY(step) })), dots, labelY: GROUND_Y + 20 }
  })
}
