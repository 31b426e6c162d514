import { z } from 'zod'
import { optionalLine, optionalText, versionOrNewField } from '../forms/fields'
import { formatAmount, moneyHelperKinds, MONEY_MAX_LINES, parseAmount, type MoneyContent } from './livelihood'

// The money page's one form (geld.tsx), for the browser and the action. Every button posts the whole
// form: save, "another line" (`add:<section>`) and "remove" (`remove:<section>:<index>`). Messages are
// codes of `livelihood.money.errors`, shown beside the field; the API checks again.

/** As long as the API lets a line and the note be (MONEY_LINE_MAX, MONEY_NOTE_MAX). */
const LINE_MAX = 200
const NOTE_MAX = 2000
/** A million euros a month: a typo beyond that is named like any amount that cannot be read. */
const AMOUNT_MAX_CENTS = 100_000_000

export const lineSections = ['income', 'fixedCosts', 'debts'] as const
export type LineSection = (typeof lineSections)[number]
export type MoneySection = LineSection | 'helpers'

/** Each list's fields, the first one naming the line (what a line without it is missing). */
export const moneyColumns = {
  income: ['source', 'amount'],
  fixedCosts: ['what', 'amount'],
  debts: ['toWhom', 'amount', 'arrangement'],
} as const

// Checked below, where a removed line is known: removing is how a client gets rid of a refused line.
const line = z.string().trim().optional()
const amount = line

const intentPattern = new RegExp(`^(save|add:(income|fixedCosts|debts|helpers)|remove:(income|fixedCosts|debts|helpers):\\d{1,2})$`)

export const MoneyForm = z
  .object({
    version: versionOrNewField,
    intent: z.string().regex(intentPattern, 'invalid').default('save'),
    income: z.array(z.object({ source: line, amount })).default([]),
    fixedCosts: z.array(z.object({ what: line, amount })).default([]),
    debts: z.array(z.object({ toWhom: line, amount, arrangement: line })).default([]),
    // No kind chosen is someone in the client's own words ("other").
    helpers: z.array(z.object({ kind: z.enum(moneyHelperKinds, { error: 'unknown_helper' }).optional(), name: optionalLine(LINE_MAX) })).default([]),
    // Names ticked on the VIP card: each becomes a helper of the kind "network".
    pickHelper: z.array(optionalLine(LINE_MAX)).default([]),
    note: optionalText(NOTE_MAX),
  })
  .superRefine((value, ctx) => {
    const removed = removedLine(value.intent)
    for (const section of lineSections) {
      const rows: Record<string, string | undefined>[] = value[section]
      const [named] = moneyColumns[section]
      let kept = 0
      rows.forEach((row, index) => {
        if (!filled(row) || (removed?.section === section && removed.index === index)) return
        kept++
        if (!row[named]) ctx.addIssue({ code: 'custom', path: [section, index, named], message: 'required' })
        for (const [column, text] of Object.entries(row)) if (text && [...text].length > LINE_MAX) ctx.addIssue({ code: 'custom', path: [section, index, column], message: 'too_long' })
        const cents = parseAmount(row['amount'] ?? '')
        if (cents === undefined || (cents ?? 0) > AMOUNT_MAX_CENTS) ctx.addIssue({ code: 'custom', path: [section, index, 'amount'], message: 'invalid_amount' })
      })
      if (kept > MONEY_MAX_LINES) ctx.addIssue({ code: 'custom', path: [section], message: 'too_many_lines' })
    }
  })

export type MoneyFormValue = z.output<typeof MoneyForm>

const filled = (row: Record<string, string | undefined>) => Object.values(row).some(Boolean)

/** The line a "remove" button names, if it was one. */
export function removedLine(intent: string): { section: MoneySection; index: number } | null {
  const [verb, section, index] = intent.split(':')
  const found = section === 'helpers' ? section : lineSections.find((name) => name === section)
  return verb === 'remove' && found && index !== undefined ? { section: found, index: Number(index) } : null
}

/** The section an "another line" button names, if it was one. */
export function addedSection(intent: string): MoneySection | null {
  const [verb, section] = intent.split(':')
  return verb === 'add' ? (section === 'helpers' ? section : (lineSections.find((name) => name === section) ?? null)) : null
}

/**
 * The checked form as the API's content, without empty lines and the removed one; and where each
 * field the API may name (`income.1.amountCents`) stands in the form (`income[2].amount`), so its
 * problem is shown beside the field it is about.
 */
export function moneyContent(value: MoneyFormValue): { content: MoneyContent; rename: Record<string, string> } {
  const removed = removedLine(value.intent)
  const rename: Record<string, string> = {}
  const keep = <Row extends Record<string, string | undefined>>(section: MoneySection, rows: Row[], columns: readonly string[]) =>
    rows
      .flatMap((row, index) => (!filled(row) || (removed?.section === section && removed.index === index) ? [] : [{ row, index }]))
      .map(({ row, index }, position) => {
        for (const column of columns) rename[`${section}.${position}.${column === 'amount' ? 'amountCents' : column}`] = `${section}[${index}].${column}`
        return row
      })
  const cents = (text: string | undefined) => parseAmount(text ?? '') ?? null
  const helpers = keep('helpers', value.helpers, ['kind', 'name']).map((row) => ({ kind: row.kind ?? 'other', name: row.name ?? null }))
  for (const name of value.pickHelper) if (name) helpers.push({ kind: 'network', name })
  return {
    content: {
      income: keep('income', value.income, moneyColumns.income).map((row) => ({ source: row.source ?? '', amountCents: cents(row.amount) })),
      fixedCosts: keep('fixedCosts', value.fixedCosts, moneyColumns.fixedCosts).map((row) => ({ what: row.what ?? '', amountCents: cents(row.amount) })),
      debts: keep('debts', value.debts, moneyColumns.debts).map((row) => ({ toWhom: row.toWhom ?? '', amountCents: cents(row.amount), arrangement: row.arrangement ?? null })),
      helpers,
      note: value.note ?? '',
    },
    rename,
  }
}

/** The saved page as the form's first values, with `blanks` empty lines to type in under each list. */
export function moneyDefaults(content: MoneyContent, locale: 'nl' | 'en', extra: MoneySection | null) {
  const blanks = (section: MoneySection, saved: number) => Math.max(0, Math.min(extra === section ? 2 : 1, MONEY_MAX_LINES - saved))
  const withBlanks = <Row>(section: MoneySection, rows: Row[], blank: Row): Row[] => [...rows, ...Array.from({ length: blanks(section, rows.length) }, () => blank)]
  const helper: { kind: string; name: string } = { kind: '', name: '' }
  return {
    income: withBlanks('income', content.income.map((row) => ({ source: row.source, amount: formatAmount(row.amountCents, locale) })), { source: '', amount: '' }),
    fixedCosts: withBlanks('fixedCosts', content.fixedCosts.map((row) => ({ what: row.what, amount: formatAmount(row.amountCents, locale) })), { what: '', amount: '' }),
    debts: withBlanks(
      'debts',
      content.debts.map((row) => ({ toWhom: row.toWhom, amount: formatAmount(row.amountCents, locale), arrangement: row.arrangement ?? '' })),
      { toWhom: '', amount: '', arrangement: '' },
    ),
    helpers: withBlanks('helpers', content.helpers.map((row) => ({ kind: row.kind, name: row.name ?? '' })), helper),
    note: content.note,
  }
}
