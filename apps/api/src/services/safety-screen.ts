import { analyze, type Locale } from '@kracht/language'
import { HELP_NUMBERS } from '@kracht/assistant'

/**
 * The one screen every saved free text passes (statements, remarks, priorities' wishes, comments,
 * session notes, the safety plan, model text). It never blocks and never changes the text: the
 * text is saved as the client wrote it, and the answer of the save carries the help lines.
 */

export type HelpLineId = keyof typeof HELP_NUMBERS
export type ScreenLevel = 'alarm' | 'check_in'

export interface ScreenResult {
  detected: boolean
  /** The screen's kind (`suicide`, `self_harm`, `violence`, and whatever kinds it learns later). */
  kind: string | null
  /** `alarm`: acute, show the help at once. `check_in`: ask gently how the client really is. */
  level: ScreenLevel | null
  /** Most fitting line first, with the exact numbers as `tel:` links. */
  helpLines: { id: HelpLineId; numbers: { display: string; tel: string }[] }[]
}

export const NOTHING_FOUND: ScreenResult = { detected: false, kind: null, level: null, helpLines: [] }

/** Screened at most this much of a text; longer texts are refused by the schemas anyway. */
const SCREEN_LIMIT = 20_000

/**
 * Which lines fit a kind. Suicide, self-harm and overdose: 113 (and 0800-0113), plus 112 when
 * acute. Violence, child safety and harm to others: Veilig Thuis and 112. A kind this code does
 * not know yet still gets 113 and 112: never zero resources.
 */
export function helpLinesFor(kind: string, level: ScreenLevel): HelpLineId[] {
  switch (kind) {
    case 'suicide':
    case 'self_harm':
    case 'overdose':
      return level === 'alarm' ? ['suicide_prevention', 'emergency'] : ['suicide_prevention']
    case 'violence':
    case 'child_safety':
    case 'harm_to_others':
      return ['veilig_thuis', 'emergency']
    default:
      return ['suicide_prevention', 'emergency']
  }
}

/** The screen's level when it has one (the rewritten screen adds it); an older screen only alarms. */
function levelOf(crisis: object): ScreenLevel {
  const level = 'level' in crisis ? crisis.level : undefined
  return level === 'check_in' ? 'check_in' : 'alarm'
}

function screenOne(text: string, locale: Locale): ScreenResult | null {
  const crisis = analyze(text, { locale }).crisis
  if (!crisis.detected) return null
  const kind: string = crisis.kind ?? 'suicide'
  const level = levelOf(crisis)
  const helpLines = helpLinesFor(kind, level).map((id) => ({ id, numbers: HELP_NUMBERS[id].map((n) => ({ display: n.display, tel: n.tel })) }))
  return { detected: true, kind, level, helpLines }
}

/**
 * Screens a text in the client's locale and, when that finds nothing, in the other one too
 * (clients mix languages; recall comes first).
 */
export function screenText(text: string, locale: Locale): ScreenResult {
  const sample = text.length > SCREEN_LIMIT ? text.slice(0, SCREEN_LIMIT) : text
  if (!sample.trim()) return NOTHING_FOUND
  return screenOne(sample, locale) ?? screenOne(sample, locale === 'nl' ? 'en' : 'nl') ?? NOTHING_FOUND
}

/** Screens several texts (the lines of a plan, the fields of an action) as one: the most urgent wins. */
export function screenTexts(texts: readonly (string | null | undefined)[], locale: Locale): ScreenResult {
  let found: ScreenResult = NOTHING_FOUND
  for (const text of texts) {
    if (!text) continue
    const result = screenText(text, locale)
    if (result.detected && (found === NOTHING_FOUND || (found.level === 'check_in' && result.level === 'alarm'))) found = result
    if (found.level === 'alarm') break
  }
  return found
}
