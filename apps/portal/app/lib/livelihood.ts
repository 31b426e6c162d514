/**
 * The bridge and the money page on the portal's side, safe for the browser (no zod, no API): the
 * pillars with their Dutch address words, the ladder, and the money form's lines and amounts.
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

export const moneySections = ['income', 'fixedCosts', 'debts', 'helpers'] as const
export type MoneySection = (typeof moneySections)[number]

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

/** What the form held, as typed (for showing it again after a refused save). */
export interface MoneyTyped {
  income: { source: string; amount: string }[]
  fixedCosts: { what: string; amount: string }[]
  debts: { toWhom: string; amount: string; arrangement: string }[]
  helpers: { kind: string; name: string }[]
  note: string
}

const all = (formData: FormData, name: string): string[] => formData.getAll(name).map((value) => (typeof value === 'string' ? value.trim() : ''))

/**
 * The posted form as typed: each section's fields in order, rows left fully empty dropped, and the
 * row that `remove:<section>:<index>` names left out. Nothing is checked here.
 */
export function typedFromForm(formData: FormData, intent: string): MoneyTyped {
  const [verb, removeSection, removeIndex] = intent.split(':')
  const keep = (section: MoneySection) => (_row: unknown, index: number) => !(verb === 'remove' && removeSection === section && String(index) === removeIndex)
  const zip = <K extends string>(section: MoneySection, keys: readonly K[]): Record<K, string>[] => {
    const columns = keys.map((key) => all(formData, `${section}.${key}`))
    const rows = (columns[0] ?? []).map((_, index) => Object.fromEntries(keys.map((key, k) => [key, columns[k]?.[index] ?? ''])) as Record<K, string>)
    return rows.filter(keep(section))
  }
  const filled = (row: Record<string, string>) => Object.entries(row).some(([key, value]) => key !== 'kind' && value !== '')
  const helpers = zip('helpers', ['kind', 'name'] as const).filter((row) => row.kind !== '' || row.name !== '')
  // A name picked from the VIP card becomes a helper of the kind "network".
  for (const picked of all(formData, 'pick-helper')) if (picked) helpers.push({ kind: 'network', name: picked })
  return {
    income: zip('income', ['source', 'amount'] as const).filter(filled),
    fixedCosts: zip('fixedCosts', ['what', 'amount'] as const).filter(filled),
    debts: zip('debts', ['toWhom', 'amount', 'arrangement'] as const).filter(filled),
    helpers,
    note: String(formData.get('note') ?? '').trim(),
  }
}

/** The typed form as the API's content; the fields whose amount or kind could not be read, by name. */
export function contentFromTyped(typed: MoneyTyped): { content: MoneyContent; fields: Record<string, string> } {
  const fields: Record<string, string> = {}
  const amount = (section: MoneySection, index: number, text: string) => {
    const cents = parseAmount(text)
    if (cents === undefined) fields[`${section}.${index}.amountCents`] = 'invalid_amount'
    return cents ?? null
  }
  const content: MoneyContent = {
    income: typed.income.map((row, i) => ({ source: row.source, amountCents: amount('income', i, row.amount) })),
    fixedCosts: typed.fixedCosts.map((row, i) => ({ what: row.what, amountCents: amount('fixedCosts', i, row.amount) })),
    debts: typed.debts.map((row, i) => ({ toWhom: row.toWhom, amountCents: amount('debts', i, row.amount), arrangement: row.arrangement || null })),
    helpers: typed.helpers.map((row, i) => {
      // A name without a kind is someone in the client's own words.
      const kind = row.kind === '' ? 'other' : moneyHelperKinds.find((k) => k === row.kind)
      if (!kind) fields[`helpers.${i}.kind`] = 'unknown_helper'
      return { kind: kind ?? 'other', name: row.name || null }
    }),
    note: typed.note,
  }
  return { content, fields }
}

/** The saved page as the form shows it. */
export function typedFromContent(content: MoneyContent, locale: 'nl' | 'en'): MoneyTyped {
  return {
    income: content.income.map((row) => ({ source: row.source, amount: formatAmount(row.amountCents, locale) })),
    fixedCosts: content.fixedCosts.map((row) => ({ what: row.what, amount: formatAmount(row.amountCents, locale) })),
    debts: content.debts.map((row) => ({ toWhom: row.toWhom, amount: formatAmount(row.amountCents, locale), arrangement: row.arrangement ?? '' })),
    helpers: content.helpers.map((row) => ({ kind: row.kind, name: row.name ?? '' })),
    note: content.note,
  }
}
