import { z } from 'zod'
import { versionOrNewField } from '../forms/fields'
import { emptyPlanLines, MAX_LINE, MAX_LINES, planParts, type PlanLines, type PlanPart } from './safety-plan'

// The safety plan's one form (hulp_.mijn-plan), for the browser and the action. Every button posts
// the whole form: save, "another line" (`add:<part>`) and "remove" (`remove:<part>:<index>`).
// Messages are codes of `safety.plan.errors`, shown beside the line; the API checks again.

/** A line may not hold markup: a plan is printed and read in a hard moment (the API's rule). */
const markup = /<\s*\/?\s*[a-z!?]/i

const parts = planParts.join('|')
const intentPattern = new RegExp(`^(save|add:(${parts})|remove:(${parts}):\\d{1,2})$`)

// Each part a list of lines, typed (`people[0]` …) or empty; checked below, where a removed line is known.
const lines = z.array(z.string().trim().optional()).default([])

export const SafetyPlanForm = z
  .object({
    version: versionOrNewField,
    intent: z.string().regex(intentPattern, 'invalid').default('save'),
    warningSigns: lines,
    selfHelp: lines,
    people: lines,
    places: lines,
    reasons: lines,
    professionals: lines,
    // Names ticked on the VIP card: each becomes a line of "people".
    pickPeople: z.array(z.string().trim().max(MAX_LINE, 'too_long').optional()).default([]),
  })
  .superRefine((value, ctx) => {
    const removed = removedLine(value.intent)
    for (const part of planParts) {
      let kept = 0
      value[part].forEach((line, index) => {
        // A removed line is not checked: removing is how a client gets rid of a line that is refused.
        if (!line || (removed?.part === part && removed.index === index)) return
        kept++
        if ([...line].length > MAX_LINE) ctx.addIssue({ code: 'custom', path: [part, index], message: 'too_long' })
        else if (markup.test(line)) ctx.addIssue({ code: 'custom', path: [part, index], message: 'no_markup' })
      })
      if (kept > MAX_LINES) ctx.addIssue({ code: 'custom', path: [part], message: 'too_many_lines' })
    }
  })

export type SafetyPlanFormValue = z.output<typeof SafetyPlanForm>

const partOf = (name: string | undefined): PlanPart | null => planParts.find((part) => part === name) ?? null

/** The line a "remove" button names, if it was one. */
export function removedLine(intent: string): { part: PlanPart; index: number } | null {
  const [verb, name, index] = intent.split(':')
  const part = partOf(name)
  return verb === 'remove' && part && index !== undefined ? { part, index: Number(index) } : null
}

/** The part an "another line" button names, if it was one. */
export function addedPart(intent: string): PlanPart | null {
  const [verb, name] = intent.split(':')
  return verb === 'add' ? partOf(name) : null
}

/**
 * The checked form as the plan's lines, without empty ones and the removed one, the ticked VIP names
 * added to "people" once each; and where each line the API may name (`people.1`) stands in the form
 * (`people[2]`), so its problem is shown beside it.
 */
export function planLines(value: SafetyPlanFormValue): { lines: PlanLines; rename: Record<string, string> } {
  const removed = removedLine(value.intent)
  const lines = emptyPlanLines()
  const rename: Record<string, string> = {}
  for (const part of planParts) {
    value[part].forEach((line, index) => {
      if (!line || (removed?.part === part && removed.index === index)) return
      rename[`${part}.${lines[part].length}`] = `${part}[${index}]`
      lines[part].push(line)
    })
  }
  for (const name of value.pickPeople) if (name && !lines.people.includes(name)) lines.people.push(name)
  return { lines, rename }
}

/** The saved plan as the form's first values, with one empty line per part (two after "another line"). */
export function planDefaults(plan: PlanLines, extra: string | null): PlanLines {
  const result = emptyPlanLines()
  for (const part of planParts) {
    const blanks = Math.max(0, Math.min(extra === part ? 2 : 1, MAX_LINES - plan[part].length))
    result[part] = [...plan[part], ...Array.from({ length: blanks }, () => '')]
  }
  return result
}
