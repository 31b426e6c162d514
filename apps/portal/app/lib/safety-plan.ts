/** The six parts, in the order the plan is read in a hard moment (same ids as the API). */
export const planParts = ['warningSigns', 'selfHelp', 'people', 'places', 'reasons', 'professionals'] as const
export type PlanPart = (typeof planParts)[number]
export type PlanLines = Record<PlanPart, string[]>

export const MAX_LINES = 12
export const MAX_LINE = 300

export const isPlanPart = (value: string): value is PlanPart => (planParts as readonly string[]).includes(value)

export const emptyPlanLines = (): PlanLines => ({ warningSigns: [], selfHelp: [], people: [], places: [], reasons: [], professionals: [] })

/** A plan has content when any part has a line. */
export const hasLines = (plan: PlanLines): boolean => planParts.some((part) => plan[part].length > 0)

/**
 * The lines of the posted form: each part's inputs (`<part>`), in order, without empty ones, plus
 * the VIP-card names the client ticked (`pick-people`). `remove:<part>:<index>` leaves one out.
 */
export function linesFromForm(formData: FormData, intent: string): PlanLines {
  const lines = emptyPlanLines()
  const [verb, removePart, removeIndex] = intent.split(':')
  for (const part of planParts) {
    const values = formData.getAll(part).map((value) => (typeof value === 'string' ? value.trim() : ''))
    lines[part] = values.filter((value, index) => value.length > 0 && !(verb === 'remove' && removePart === part && String(index) === removeIndex))
  }
  for (const picked of formData.getAll('pick-people')) {
    if (typeof picked === 'string' && picked.trim() && !lines.people.includes(picked.trim())) lines.people.push(picked.trim())
  }
  return lines
}
