import { describe, expect, it } from 'vitest'
import { cellAt, layoutNetworkMap, mapAreas, shortLabel, SIZE, type MapPerson } from './network-map'

const person = (id: string, area: string, ring: number, name = `Persoon ${id}`): MapPerson => ({ id, name, area, ring, period: 'now' })

/** Every cell filled with `n` people. */
const crowd = (n: number) => mapAreas.flatMap((area) => [1, 2, 3].flatMap((ring) => Array.from({ length: n }, (_, i) => person(`${area}-${ring}-${i}`, area, ring))))

describe('layoutNetworkMap', () => {
  it('puts each person in their own area and ring', () => {
    const people = crowd(3)
    const layout = layoutNetworkMap(people)
    expect(layout.people).toHaveLength(people.length)
    for (const placed of layout.people) expect(cellAt(layout, placed.x, placed.y), placed.id).toEqual({ area: placed.area, ring: placed.ring })
  })

  it('keeps dots apart and every label inside the picture, up to five people a cell', () => {
    for (const n of [1, 2, 5]) {
      const layout = layoutNetworkMap(crowd(n))
      for (const a of layout.people) {
        expect(a.labelX - (a.label.length * 6.6) / 2).toBeGreaterThanOrEqual(0)
        expect(a.labelX + (a.label.length * 6.6) / 2).toBeLessThanOrEqual(SIZE)
        expect(a.labelY).toBeLessThanOrEqual(SIZE)
        for (const b of layout.people) {
          if (a.id !== b.id) expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} and ${b.id}`).toBeGreaterThanOrEqual(2 * layout.dotRadius)
        }
      }
    }
  })

  it('never leaves anyone off the map, however many there are', () => {
    const layout = layoutNetworkMap(crowd(12))
    expect(layout.people).toHaveLength(12 * 12)
    for (const placed of layout.people) expect(cellAt(layout, placed.x, placed.y)).toEqual({ area: placed.area, ring: placed.ring })
  })

  it('draws an unknown area or ring in the nearest valid place, in the order given, the same every time', () => {
    const people = [person('a', 'family', 1), person('b', 'moon', 2), person('c', 'friends', 7)]
    const layout = layoutNetworkMap(people)
    expect(layout.people.map((p) => p.id)).toEqual(['a', 'b', 'c'])
    expect(cellAt(layout, layout.people[1]!.x, layout.people[1]!.y)).toEqual({ area: 'friends', ring: 2 })
    expect(cellAt(layout, layout.people[2]!.x, layout.people[2]!.y)).toEqual({ area: 'friends', ring: 3 })
    expect(layoutNetworkMap(people)).toEqual(layout)
  })

  it('places family top left, friends top right, school/work/club bottom right, professionals bottom left', () => {
    const layout = layoutNetworkMap(mapAreas.map((area) => person(area, area, 2)))
    const at = Object.fromEntries(layout.people.map((p) => [p.id, { left: p.x < layout.center, top: p.y < layout.center }]))
    expect(at).toEqual({
      family: { left: true, top: true },
      friends: { left: false, top: true },
      school_work_club: { left: false, top: false },
      professionals: { left: true, top: false },
    })
  })
})

describe('shortLabel', () => {
  it('keeps a short name whole and cuts a long one with an ellipsis, emoji intact', () => {
    expect(shortLabel('Oma Rie')).toBe('Oma Rie')
    expect(shortLabel('Buurvrouw Elisabeth')).toBe('Buurvrouw E…')
    expect([...shortLabel('👩‍👧 Mama en mijn dochter')].length).toBeLessThanOrEqual(12)
  })
})
