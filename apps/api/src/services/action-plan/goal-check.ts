import { analyze, type Locale } from '@kracht/language'
import { mapAnalysedDomain, type DomainSetId } from '@kracht/inventory'

/**
 * The goal check: the SMART and FUZZY questions of the method (DOMAIN.md, "The action plan") as
 * gentle prompts about the road to a goal, never about its words. The goal is a passion statement
 * accepted exactly as the client means it, so nothing here asks to reword it, nothing blocks, and
 * there is no score: each prompt is one question the client may think about, or skip.
 *
 * Pure: no database, no clock beyond `today`. The portal words each prompt from the catalogue
 * (`plan.check.<id>`); the API gives the id, the letter of the method it comes from, and values.
 */
export const checkPromptIds = [
  'first_step',
  'who_helps',
  'when_start',
  'small_step',
  'how_notice',
  'what_domain',
  'why_matters',
  'celebrate',
  'next_step',
] as const
export type CheckPromptId = (typeof checkPromptIds)[number]

/** SMART: specific, measurable, acceptable, realistic, time-bound. FUZZY: festive, challenging, pure, meaningful, "Yes!". */
export type CheckSource = 'smart' | 'fuzzy'

export interface CheckPrompt {
  id: CheckPromptId
  source: CheckSource
  /** A life domain the analysis hears in the goal (what_domain), else null. */
  domain: string | null
}

export interface CheckedAction {
  whoKind: string | null
  /** The assistant's words for who or when (steps kept before the plan page), also count. */
  who: string | null
  when: string | null
  dueOn: string | null
  status: 'open' | 'done' | 'dropped'
}

export interface CheckedGoal {
  text: string
  domain: string | null
  actions: readonly CheckedAction[]
  remarkCount: number
}

/** A first step further away than this asks "can you start with something smaller, sooner?". */
const FAR_DAYS = 42
const DAY = 86_400_000

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY)

/** The prompts for one goal, in the order a worker would ask them. Empty when the road is clear. */
export function checkGoal(goal: CheckedGoal, options: { locale: Locale; domainSet: DomainSetId; today: string }): CheckPrompt[] {
  const prompts: CheckPrompt[] = []
  const add = (id: CheckPromptId, source: CheckSource, domain: string | null = null) => prompts.push({ id, source, domain })
  const analysis = analyze(goal.text, { locale: options.locale })
  const live = goal.actions.filter((action) => action.status !== 'dropped')
  const open = live.filter((action) => action.status === 'open')
  const done = live.filter((action) => action.status === 'done')

  // Specific: a goal becomes real through small steps.
  if (live.length === 0) add('first_step', 'smart')
  // Acceptable, and "personal network first": somebody beside the client. A step for a person of
  // the VIP card, the worker or someone else counts, and so do the assistant's words for who.
  const helped = live.some((action) => (action.whoKind !== null && action.whoKind !== 'client') || (action.whoKind === null && action.who !== null))
  if (live.length > 0 && !helped) add('who_helps', 'smart')
  // Time-bound: a day to begin.
  const dated = open.filter((action) => action.dueOn !== null)
  if (open.length > 0 && dated.length === 0 && !open.some((action) => action.when !== null)) add('when_start', 'smart')
  // Realistic: the first step soon enough to keep the goal alive.
  const first = dated.map((action) => action.dueOn as string).sort()[0]
  if (first && daysBetween(options.today, first) > FAR_DAYS) add('small_step', 'smart')
  // Measurable: how the client will notice it is going well (a progress remark answers it).
  if (live.length > 0 && goal.remarkCount === 0 && done.length === 0) add('how_notice', 'smart')
  // A goal without a life domain: the analysis may hear one; the client picks (or leaves it open).
  if (goal.domain === null) {
    const heard = analysis.domains[0] ? mapAnalysedDomain(options.domainSet, analysis.domains[0].id) : null
    add('what_domain', 'smart', heard)
  }
  // Meaningful (zinnig): a short goal invites the client to say, in a remark, why it matters.
  if (analysis.wordCount < 5 && goal.remarkCount === 0) add('why_matters', 'fuzzy')
  // Festive: successes are celebrated.
  if (done.length > 0) add('celebrate', 'fuzzy')
  // Challenging: every step done, what comes next?
  if (live.length > 0 && open.length === 0) add('next_step', 'fuzzy')
  return prompts
}
