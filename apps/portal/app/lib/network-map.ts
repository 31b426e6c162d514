/**
 * The network map (VIP card) as geometry: the client in the middle, four areas as quarters, three
 * rings, each person a dot in their area and ring with a short label under it. Pure (no React, no
 * DOM): the page draws it as SVG on the server, print uses the same picture, and it is unit-tested.
 *
 * Coordinates are SVG units in a square of `SIZE`; at 360 px wide one unit is about one pixel, so a
 * 12-unit label stays readable on a phone.
 */

export const mapAreas = ['family', 'friends', 'school_work_club', 'professionals'] as const
export type MapArea = (typeof mapAreas)[number]

export interface MapPerson {
  id: string
  name: string
  area: string
  ring: number
  period: string
}

export interface PlacedPerson extends MapPerson {
  /** The dot's centre. */
  x: number
  y: number
  label: string
  labelX: number
  labelY: number
}

export interface MapLayout {
  size: number
  center: number
  /** Radius of the client's own circle in the middle. */
  selfRadius: number
  /** Outer edge of ring 1, 2 and 3. */
  ringRadii: readonly [number, number, number]
  dotRadius: number
  fontSize: number
  /** Where each area's name goes: in its own corner, outside the rings. */
  areaLabels: { area: MapArea; x: number; y: number; anchor: 'start' | 'end' }[]
  people: PlacedPerson[]
}

export const SIZE = 360
const CENTER = SIZE / 2
const SELF_RADIUS = 26
const RING_RADII = [72, 118, 164] as const
const DOT_RADIUS = 7
const FONT_SIZE = 12
/** Rough width of one character at FONT_SIZE, to keep labels inside the picture. */
const CHAR_WIDTH = 6.6
/** Degrees kept free at each side of a quarter, so dots stay off the dividing lines. */
const EDGE = 9
/** Dots in one row of a cell stay this far apart along the arc (room for their labels). */
const MIN_ARC = 38
const LABEL_MAX = 12

/**
 * The quarter of each area, as the start angle in degrees (clockwise from 3 o'clock, SVG's y points
 * down): family top left, friends top right, school/work/club bottom right, professionals bottom left.
 */
const QUARTER_START: Record<MapArea, number> = { school_work_club: 0, professionals: 90, family: 180, friends: 270 }

const isArea = (area: string): area is MapArea => mapAreas.some((known) => known === area)
const ringOf = (ring: number): 1 | 2 | 3 => (ring <= 1 ? 1 : ring >= 3 ? 3 : 2)

/** A name short enough to sit under a dot: whole when it fits, else cut with an ellipsis. */
export function shortLabel(name: string, max = LABEL_MAX): string {
  const chars = [...name.trim()]
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('').trimEnd()}…`
}

/** Radii of the rows a cell (one area, one ring) has, from the inside out. */
function rowRadii(ring: 1 | 2 | 3): number[] {
  const inner = ring === 1 ? SELF_RADIUS : RING_RADII[ring - 2]!
  const outer = RING_RADII[ring - 1]!
  const width = outer - inner
  // Two rows where the band has room for two dots and two labels, else one in the middle.
  return width >= 44 ? [inner + width * 0.3, inner + width * 0.72] : [inner + width / 2]
}

/** How many dots fit on a row of this radius inside one quarter. */
function rowCapacity(radius: number): number {
  const arc = (Math.PI * radius * (90 - 2 * EDGE)) / 180
  return Math.max(1, Math.floor(arc / MIN_ARC) + 1)
}

/**
 * Spreads the people of one cell over its rows: fill the outer row first (it has the most room),
 * then the inner; beyond capacity the rows share what is left, so nobody is ever left off the map.
 */
function placeCell(people: MapPerson[], area: MapArea, ring: 1 | 2 | 3): PlacedPerson[] {
  const rows = rowRadii(ring)
  const capacities = rows.map(rowCapacity)
  const total = capacities.reduce((a, b) => a + b, 0)
  const counts = rows.map(() => 0)
  if (people.length <= total) {
    let left = people.length
    for (let i = rows.length - 1; i >= 0 && left > 0; i--) {
      counts[i] = Math.min(capacities[i]!, left)
      left -= counts[i]!
    }
  } else {
    // More than fits: share in proportion to each row's room (dots get closer, never lost).
    let left = people.length
    rows.forEach((_, i) => {
      const share = i === rows.length - 1 ? left : Math.round((people.length * capacities[i]!) / total)
      counts[i] = share
      left -= share
    })
  }
  const placed: PlacedPerson[] = []
  let next = 0
  rows.forEach((radius, row) => {
    const n = counts[row]!
    for (let k = 0; k < n; k++) {
      const person = people[next++]!
      const span = 90 - 2 * EDGE
      // Rows are offset by half a step, so dots of neighbouring rows do not sit on one line.
      const step = span / n
      const angle = QUARTER_START[area] + EDGE + step * (k + 0.5)
      const rad = (angle * Math.PI) / 180
      const x = CENTER + radius * Math.cos(rad)
      const y = CENTER + radius * Math.sin(rad)
      const label = shortLabel(person.name)
      const half = (label.length * CHAR_WIDTH) / 2
      placed.push({
        ...person,
        x: round(x),
        y: round(y),
        label,
        labelX: round(clamp(x, half + 2, SIZE - half - 2)),
        labelY: round(Math.min(y + DOT_RADIUS + FONT_SIZE, SIZE - 3)),
      })
    }
  })
  return placed
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max)
const round = (value: number) => Math.round(value * 10) / 10

/**
 * Places everyone. People are grouped per area and ring in the order given (the API lists them
 * closest first, then oldest first), so a person keeps their place while others are added after.
 * An unknown area or ring is drawn in the nearest valid one rather than dropped.
 */
export function layoutNetworkMap(people: readonly MapPerson[]): MapLayout {
  const cells = new Map<string, MapPerson[]>()
  for (const person of people) {
    const area = isArea(person.area) ? person.area : 'friends'
    const key = `${area}:${ringOf(person.ring)}`
    cells.set(key, [...(cells.get(key) ?? []), person])
  }
  const placed: PlacedPerson[] = []
  for (const area of mapAreas) {
    for (const ring of [1, 2, 3] as const) {
      const cell = cells.get(`${area}:${ring}`)
      if (cell) placed.push(...placeCell(cell, area, ring))
    }
  }
  // Back in the order given, so the list and the map read alike.
  const order = new Map(people.map((person, index) => [person.id, index]))
  placed.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
  return {
    size: SIZE,
    center: CENTER,
    selfRadius: SELF_RADIUS,
    ringRadii: RING_RADII,
    dotRadius: DOT_RADIUS,
    fontSize: FONT_SIZE,
    areaLabels: [
      { area: 'family', x: 6, y: 16, anchor: 'start' },
      { area: 'friends', x: SIZE - 6, y: 16, anchor: 'end' },
      { area: 'professionals', x: 6, y: SIZE - 8, anchor: 'start' },
      { area: 'school_work_club', x: SIZE - 6, y: SIZE - 8, anchor: 'end' },
    ],
    people: placed,
  }
}

/** The area and ring a point on the map lies in (for tests and for reading a layout back). */
export function cellAt(layout: Pick<MapLayout, 'center' | 'ringRadii' | 'selfRadius'>, x: number, y: number): { area: MapArea; ring: number } | null {
  const dx = x - layout.center
  const dy = y - layout.center
  const distance = Math.hypot(dx, dy)
  if (distance <= layout.selfRadius) return null
  const ring = layout.ringRadii.findIndex((radius) => distance <= radius) + 1
  if (ring === 0) return null
  const angle = ((Math.atan2(dy, dx) * 180) / Math.PI + 360) % 360
  const area = mapAreas.find((a) => angle >= QUARTER_START[a] && angle < QUARTER_START[a] + 90) ?? 'school_work_club'
  return { area, ring }
}
