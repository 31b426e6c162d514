/** The six parts, in the order the plan is read in a hard moment (same ids as the API). */
export const planParts = ['warningSigns', 'selfHelp', 'people', 'places', 'reasons', 'professionals'] as const
export type PlanPart = (typeof planParts)[number]
export type PlanLines = Record<PlanPart, string[]>

export const MAX_LINES = 12
export const MAX_LINE = 300

export const emptyPlanLines = (): PlanLines => ({ warningSigns: [], selfHelp: [], people: [], places: [], reasons: [], professionals: [] })

/** A plan has content when any part has a line. */
export const hasLines = (plan: PlanLines): boolean => planParts.some((part) => plan[part].length > 0)
