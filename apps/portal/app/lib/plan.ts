import type { Translator } from '@kracht/i18n'
import { hasKey } from '@kracht/i18n'

/** What the plan pages need of a step; the API's PlanAction fits it. */
export interface StepView {
  id: string
  goalId: string | null
  what: string
  how: string | null
  who: 'client' | 'person' | 'worker' | 'other' | null
  personName: string | null
  whoName: string | null
  when: string | null
  whenWords: string | null
  status: 'open' | 'done' | 'dropped'
  doneAt: string | null
  movedAt: string | null
  version: number
}

/** Who does a step, in words: a named person, someone else's name, or "ik" / "mijn begeleider". */
export function whoText(t: Translator, step: Pick<StepView, 'who' | 'personName' | 'whoName'>, clientName?: string): string | null {
  // On a worker's or peer expert's screen (`clientName` given) the client is named, not "ik".
  if (clientName !== undefined) {
    if (step.who === 'client') return clientName
    if (step.who === 'person') return step.personName ?? t('plan.worker.doers.person')
    if (step.who === 'other') return step.whoName ?? t('plan.worker.doers.other')
    if (step.who === 'worker') return t('plan.worker.doers.worker')
    return null
  }
  if (step.who === 'person') return step.personName ?? t('plan.step.doers.person')
  if (step.who === 'other') return step.whoName ?? t('plan.step.doers.other')
  if (step.who) return t(`plan.step.doers.${step.who}`)
  return null
}

/** A planned day as "15 januari 2027" (the day itself, whatever the time zone). */
export function dayText(locale: 'nl' | 'en', day: string): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  )
}

/** The warm sentence for a step just done (`done_1` … from the API), or null for an unknown id. */
export function celebrationText(t: Translator, id: string | null | undefined): string | null {
  if (!id) return null
  const key = `plan.celebrate.${id}`
  return hasKey(key) ? t(key) : null
}
