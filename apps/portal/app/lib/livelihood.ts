/**
 * The bridge and the money page on the portal's side, safe for the browser (no zod, no API): the
 * pillars with their Dutch address words, the ladder, and the money page's amounts (its form: lib/money-forms.ts).
 */
import { bridgePillars, moneyHelperKinds, MONEY_MAX_LINES, pillarDomains, type BridgePillar, type DomainSetId, type MoneyContent, type MoneyHelperKind } from '@kracht/method'

export { bridgePillars, moneyHelperKinds, MONEY_MAX_LINES, type BridgePillar, type MoneyContent, type MoneyHelperKind }
export const ladder = [1, 2, 3, 4, 5] as const

/** The pillar in the address, in the client's language: /brug/geld rather than /brug/money. */
const slugs: Record<BridgePillar, string> = { family: 'thuis', wellbeing: 'welzijn', money: 'geld', education: 'leren', work: 'werk' }
export const pillarSlug = (pillar: BridgePillar): string => slugs[pillar]
export const pillarOfSlug = (slug: string | undefined): BridgePillar | null => bridgePillars.find((pillar) => slugs[pillar] === slug) ?? null

/** The pillar after this one in the flow; null after the last. */
export function nextPillar(pillar: BridgePillar): BridgePillar | null {
  return bridgePillars[bridgePillars.indexOf(pillar) + 1] ?? null
}

/**
 * The life domain a goal from this pillar starts in, in the organisation's set (ICM's nine hold
 * `justice`, Krachtwerk's ten do not); null when the set has no such domain.
 */
export function pillarDomain(pillar: BridgePillar, domains: readonly string[]): string | null {
  const set: DomainSetId = domains.includes('justice') ? 'icm' : 'krachtwerk'
  const domain = pillarDomains[set][pillar]
  return domains.includes(domain) ? domain : null
}

export const isStep = (value: number): boolean => Number.isInteger(value) && value >= 1 && value <= 5

/** The catalogue's name of a rung (`s1`…`s5`): message keys are words, the API's steps are numbers. */
const stepNames = ['s1', 's2', 's3', 's4', 's5'] as const
export const stepName = (step: number) => stepNames[Math.min(4, Math.max(0, Math.round(step) - 1))] ?? 's1'

// ---- The money page ----

/**
 * "120", "85,50", "€ 1.234,50", "1234.5": euro cents, or null for an empty field. Anything else is
 * `undefined`, so the page can say so beside the field and keep what was typed.
 */
export function parseAmount(text: string): number | null | undefined {
  const cleaned = text.replace(/€|eur(o)?|\s/gi, '')
  if (cleaned === '') return null
  // A comma is the Dutch decimal sign; dots before three digits group thousands.
  const normal = cleaned.includes(',') ? cleaned.replace(/\./g, '').replace(',', '.') : /^\d{1,3}(\.\d{3})+$/.test(cleaned) ? cleaned.replace(/\./g, '') : cleaned
  if (!/^\d+(\.\d{1,2})?$/.test(normal)) return undefined
  return Math.round(Number(normal) * 100)
}

/** Cents as the client reads them: "120" or "85,50" (nl), "85.50" (en). */
export function formatAmount(cents: number | null, locale: 'nl' | 'en'): string {
  if (cents === null) return ''
  const whole = cents % 100 === 0
  return new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2, useGrouping: false }).format(cents / 100)
}
