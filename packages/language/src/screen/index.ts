// The crisis screen as a whole: three readers, combined so that recall comes first.
//   1. the phrase lists per language (data/<locale>/crisis.json, the older screen),
//   2. the composed rules in both languages at once (data/crisis/rules.json),
//   3. a small classifier trained here (data/crisis/model.json).
// Any alarm-level rule, or the classifier above its high threshold, raises an alarm. A rule that
// is not sure, or the classifier in its middle band, asks gently instead (check_in); both
// together raise an alarm. `detected` is true for both levels, so every caller shows help.

import type { CrisisKind, CrisisLevel, Span } from '../types'
import { crisisTokens, normalisedText } from './normalise'
import { compileComposed, phraseLookalike, scanComposed, type ComposedData, type ComposedRules, type ComposedScan, type RuleHit } from './compose'
import { loadModel, predict, type Model, type StoredModel } from './classifier'
import rulesData from '../../data/crisis/rules.json'
import modelData from '../../data/crisis/model.json'

export interface CrisisOutcome {
  detected: boolean
  kind: CrisisKind | null
  evidence?: Span & { text: string }
  level: CrisisLevel | null
  kinds: CrisisKind[]
}

/** What the phrase lists found (see ../crisis.ts). */
export interface PhraseResult {
  detected: boolean
  kind: CrisisKind | null
  evidence?: Span & { text: string }
}

// Most urgent first; violence against the writer comes after the more specific kinds, which
// often name it too ("hij slaat mijn zoontje"), and shares their help line (Veilig Thuis).
const PRIORITY: CrisisKind[] = ['suicide', 'self_harm', 'overdose', 'harm_to_others', 'child_safety', 'violence']

let composed: ComposedRules | null = null
let model: Model | null = null

export function composedRules(): ComposedRules {
  composed ??= compileComposed(rulesData as unknown as ComposedData)
  return composed
}

export function crisisModel(): Model {
  model ??= loadModel(modelData as StoredModel)
  return model
}

export interface ScreenParts {
  hits: RuleHit[]
  scan: ComposedScan
  probability: number
  modelKind: CrisisKind
  tokens: ReturnType<typeof crisisTokens>
}

/** The composed rules and the classifier on one text; the parts, for measuring each alone. */
export function screenParts(text: string): ScreenParts {
  const tokens = crisisTokens(text)
  const scan = scanComposed(tokens, composedRules())
  const p = predict(crisisModel(), normalisedText(tokens))
  return { hits: scan.hits, scan, probability: p.crisis, modelKind: p.kind, tokens }
}

function byPriority(kinds: Iterable<CrisisKind>): CrisisKind[] {
  const set = new Set(kinds)
  return PRIORITY.filter((k) => set.has(k))
}

/** The phrase lists' finding, unless the look-alike structures explain it away. */
export function keptPhrase(phrase: PhraseResult, parts: ScreenParts): PhraseResult {
  if (!phrase.detected || !phrase.kind || !phrase.evidence) return phrase
  const lookalike = phraseLookalike(parts.scan, composedRules(), phrase.evidence.start, phrase.evidence.end, phrase.kind)
  return lookalike ? { detected: false, kind: null } : phrase
}

export function combine(text: string, found: PhraseResult, parts: ScreenParts): CrisisOutcome {
  const t = crisisModel().thresholds
  const phrase = keptPhrase(found, parts)
  const alarmHits = parts.hits.filter((h) => h.level === 'alarm')
  const checkHits = parts.hits.filter((h) => h.level === 'check_in')
  const alarmKinds = new Set<CrisisKind>(alarmHits.map((h) => h.kind))
  if (phrase.detected && phrase.kind) alarmKinds.add(phrase.kind)
  // On its own (no rule hit) the classifier speaks only about a text with a risk word in it.
  const grounded = parts.hits.length > 0 || parts.scan.signal
  const modelAlarm = parts.probability >= t.alarm && grounded
  // The classifier alone only asks about a text with a risk word in it, and not when a look-alike
  // structure (an idiom, a film) explains the words.
  const modelCheck = parts.probability >= t.checkIn && (modelAlarm || parts.hits.length > 0 || (parts.scan.signal && !parts.scan.lookalike))
  // Two weak signals that agree make a clear one.
  const weakPair = checkHits.length > 0 && modelCheck
  if (alarmKinds.size === 0 && (modelAlarm || weakPair)) {
    for (const h of checkHits) alarmKinds.add(h.kind)
    if (alarmKinds.size === 0) alarmKinds.add(parts.modelKind)
  }
  let level: CrisisLevel | null = null
  let kinds: CrisisKind[] = []
  if (alarmKinds.size > 0) {
    level = 'alarm'
    // The kinds the screen is sure of come first; a check-in's kind only follows them.
    const sure = byPriority(alarmKinds)
    kinds = [...sure, ...byPriority(checkHits.map((h) => h.kind)).filter((k) => !sure.includes(k))]
  } else if (checkHits.length > 0 || modelCheck) {
    level = 'check_in'
    kinds = byPriority(checkHits.length > 0 ? checkHits.map((h) => h.kind) : [parts.modelKind])
  }
  if (level === null) return { detected: false, kind: null, level: null, kinds: [] }
  const kind = kinds[0] ?? null
  const evidence = phrase.detected && phrase.evidence ? phrase.evidence : evidenceOf(text, parts, level)
  return evidence ? { detected: true, kind, evidence, level, kinds } : { detected: true, kind, level, kinds }
}

function evidenceOf(text: string, parts: ScreenParts, level: CrisisLevel): (Span & { text: string }) | undefined {
  const hit = parts.hits.find((h) => h.level === level) ?? parts.hits[0]
  if (!hit) return undefined
  const a = parts.tokens[hit.first]
  const b = parts.tokens[hit.last]
  if (!a || !b) return undefined
  return { start: a.start, end: b.end, text: text.slice(a.start, b.end) }
}

/** The whole screen on one text, given what the phrase lists found. */
export function screenCrisisText(text: string, phrase: PhraseResult): CrisisOutcome {
  return combine(text, phrase, screenParts(text))
}
