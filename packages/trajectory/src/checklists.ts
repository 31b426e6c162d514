/**
 * The method's checklists as data: what client and worker go through together at an evaluation
 * (training slides, "Evalueren in een notendop", slide 59) and the eight steps of a team strengths
 * meeting (slide 70). Ids are stable; the words are in the catalogues (`trajectory.*`).
 */

/** The evaluation checklist, in the method's order. */
export const evaluationItems = [
  'goals_met',
  'quality_of_life',
  'working_relation',
  'looking_back',
  'strengths_resources',
  'capacity',
  'new_goals',
  'extension',
  'aftercare',
] as const
export type EvaluationItem = (typeof evaluationItems)[number]

/** The eight steps of a team strengths meeting (teamkrachtbespreking), in order. */
export const teamMeetingSteps = [
  'successes',
  'introduce',
  'goals_and_question',
  'situation_and_tried',
  'clarifying_questions',
  'brainstorm',
  'worker_questions',
  'what_worker_does',
] as const
export type TeamMeetingStep = (typeof teamMeetingSteps)[number]

export const isEvaluationItem = (value: unknown): value is EvaluationItem => typeof value === 'string' && (evaluationItems as readonly string[]).includes(value)

/** The balance a worker sees between what the client can carry and what weighs on them (capacity assessment). */
export const capacityBalances = ['capacity_outweighs', 'in_balance', 'load_outweighs'] as const
export type CapacityBalance = (typeof capacityBalances)[number]
