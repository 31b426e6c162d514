// The crisis screen as a whole: three readers, combined so that recall comes first.
//   1. the phrase lists per language (data/<locale>/crisis.json, the older screen),
//   2. the composed rules in both languages at once (data/crisis/rules.json),
//   3. a small classifier trained here (data/crisis/model.json).
// How they combine (round 3, chosen on out-of-fold scores: packages/language/eval/CRISIS-ROUND3.md):
//   alarm     an alarm-level rule; or the classifier at or above `alarm`; or a check-in rule the
//             classifier agrees with (at or above `checkIn`);
//   check_in  a check-in rule; or the classifier alone at or above `checkIn` (the wider net: it
//             asks "Hoe gaat het echt met je?" about wording no rule knows), but only on a text
//             with at least `minKnown` features it knows (round 4, eval/HELDOUT.md);
//   quiet     a rule stands down only when the text has a look-alike structure (a past, a change,
//             someone else, an idiom, a film, a harmless purpose) and the classifier, trained on
//             such look-alikes, is below `quiet`: a past crisis told calmly, not a new one.
// `detected` is true for both levels, so every caller shows help.

import type { CrisisKind, CrisisLevel, Span } from '../types'
import { crisisTokens, normalisedText } from './normalise'
import { calmStructureAt, clearlyCalmAt, compileComposed, OFF, independentSignal, phraseLookalike, scanComposed, tokenAt, toldCalmAt, type ComposedData, type ComposedRules, type ComposedScan, type RuleHit } from './compose'
import { bucketSum, features, loadModel, pairSum, predict, predictSum, type Model, type Prediction, type StoredModel, type Thresholds } from './classifier'
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

/** Round 11, measuring only (scripts/standdown-crisis.ts): rules other than the shipped ones; none restores them. */
export function useComposedRules(data?: ComposedData): void {
  composed = data ? compileComposed(data) : null
}

/** Round 11: the stand-downs of `combine`, each of which a measuring script may switch off (`standDownsOff`). */
export type StandDown = 'coping' | 'idiom-text' | 'named-only' | 'calm' | 'clearly-calm' | 'veto' | 'phrase-lookalike' | 'guard' | 'guard-idiom' | 'guard-veto' | 'guard-calm' | 'own-words' | 'tonight'
/** Empty in the screen; scripts/standdown-crisis.ts switches one off at a time to see what it silences. */
export const standDownsOff: Set<StandDown> = OFF as Set<StandDown>

export function crisisModel(): Model {
  model ??= loadModel(modelData as StoredModel)
  return model
}

export interface ScreenParts {
  hits: RuleHit[]
  scan: ComposedScan
  probability: number
  modelKind: CrisisKind
  /** How many of the text's features the classifier knows: below `minKnown` it may not speak alone. */
  known: number
  tokens: ReturnType<typeof crisisTokens>
  /** Round 8: the highest score of one sentence read alone (0 in a text of one sentence). */
  sentence: Prediction
  /** Round 8: the highest score of two neighbouring sentences read as one. */
  pair: Prediction
  /** Round 11: the score of the text without its idioms' words, where an idiom would keep the classifier quiet. */
  beyondIdiom: Prediction
}

// Round 7: which sentence windows the classifier reads besides the whole text, as distances to
// each side of a sentence with a risk word (`CRISIS_WINDOWS` while trying others: "0" the sentence
// alone, "1" with a neighbour on each side, "0,1" both). The sentence alone was tried and left
// off: cut from its context it raised false alarms on short look-alikes ("Een touw heb je niet
// nodig." after "Wat heb jij?") and found nothing more on probe 11.
const env = typeof process === 'undefined' ? undefined : process.env['CRISIS_WINDOWS']
const WINDOWS = (env ?? '1').split(',').filter((x) => x.trim() !== '').map(Number)
const MAX_WINDOWS = 8

/**
 * The classifier's reading of a text: the whole text, and (round 7) in a text of several sentences
 * each sentence with a risk word (a concept in `structures.signal`) read with its neighbours, the
 * highest score counting. One crisis clause inside a long everyday text (a goal, a note about a
 * VIP, a week told) was diluted by the everyday words around it: set 7's long Dutch texts were
 * found 78.6 % of the time against 94.7 % for single sentences. A window speaks only on `minKnown`
 * features it knows, like the whole text; sentences without a risk word open no window, so a long
 * everyday text costs little more than before; a text with a change in it opens none.
 */
export function windowPrediction(m: Model, tokens: ReturnType<typeof crisisTokens>, scan: ComposedScan): Prediction {
  const whole = predict(m, normalisedText(tokens))
  const sents = scan.sentences
  // A story with a change in it ("nu", "sindsdien", "I'm still here") is read as a whole: a
  // window would cut the crisis of then away from the change that follows.
  if (sents.length < 2 || whole.crisis >= m.thresholds.alarm || scan.resolvedStory) return whole
  const signal = composedRules().signal
  const text = (from: number, to: number): string => normalisedText(tokens.slice(sents[from]?.start ?? 0, sents[to - 1]?.end ?? 0))
  const seen = new Set<number>()
  let best = whole
  sents.forEach((s, i) => {
    if (![...s.hits.keys()].some((c) => signal.has(c))) return
    for (const d of WINDOWS) {
      const from = Math.max(0, i - d)
      const to = Math.min(sents.length, i + d + 1)
      // At most MAX_WINDOWS readings: a text full of risk words is screened on every keystroke.
      if (to - from >= sents.length || seen.has(from * 1000 + to) || seen.size >= MAX_WINDOWS) continue
      seen.add(from * 1000 + to)
      const p = predict(m, text(from, to))
      if (p.known >= m.thresholds.minKnown && p.crisis > best.crisis) best = { ...p, known: Math.max(p.known, whole.known) }
    }
  })
  return best
}

const NONE: Prediction = { crisis: 0, kind: 'suicide', known: 0 }
// Round 11: the score from which a text read without its idioms' words asks (`beyondIdiom`), where
// the stored model names none (chosen by leave-one-set-out on sets 7-9, eval/HELDOUT.md).
const BEYOND = 0.6
const BEYOND_WORDS = 6
// Sentences read one by one (and in pairs) at most: a text longer than this is screened on every
// keystroke too, and its first sentences have been read by then.
const MAX_SENTENCES = 24

/**
 * Round 8: every sentence of a text of two or more read alone, and every two neighbouring
 * sentences read as one, the highest score of each counting (`combine` lets either raise a
 * check-in, never an alarm). Set 8's misses were long texts (a week told, a goal, a VIP note)
 * whose worrying part stood in one or two later sentences without a risk word the rules know
 * ("ik heb ze allemaal bewaard"), so round 7's windows around risk words never opened, and the
 * whole text diluted it. Each sentence is hashed and its weight rows summed once; a pair is its
 * two sentences less what they share (`pairSum`), so the cost grows with the text, not with the
 * number of windows. A window in which
 * an idiom or a film stands, or a past told as worked through (a past marker, a change in the
 * text, nothing that says it goes on), is not read: that is the look-alike the structures know.
 */
export function sentenceWindows(m: Model, tokens: ReturnType<typeof crisisTokens>, scan: ComposedScan): { sentence: Prediction; pair: Prediction } {
  const sents = scan.sentences.slice(0, MAX_SENTENCES)
  if (sents.length < 2) return { sentence: NONE, pair: NONE }
  const st = composedRules().structures
  const calm = sents.map((s) => s.hits.has(st.idiom) || s.hits.has(st.media) || (scan.resolvedStory && s.hits.has(st.past) && !s.hits.has(st.still)))
  const buckets = sents.map((s) => features(normalisedText(tokens.slice(s.start, s.end)), m.options).idx)
  const sums = buckets.map((idx) => bucketSum(m, idx))
  const minKnown = m.thresholds.minKnown
  let sentence = NONE
  let pair = NONE
  for (let i = 0; i < sents.length; i++) {
    const own = sums[i]
    if (!own || calm[i]) continue
    if (own.known >= minKnown) {
      const p = predictSum(m, own)
      if (p.crisis > sentence.crisis) sentence = p
    }
    const next = sums[i + 1]
    if (next && !calm[i + 1] && own.known + next.known >= minKnown) {
      const p = predictSum(m, pairSum(m, own, buckets[i] ?? [], next, buckets[i + 1] ?? []))
      if (p.known >= minKnown && p.crisis > pair.crisis) pair = p
    }
  }
  return { sentence, pair }
}

/** The composed rules and the classifier on one text; the parts, for measuring each alone. */
export function screenParts(text: string, m: Model = crisisModel()): ScreenParts {
  const tokens = crisisTokens(text)
  const scan = scanComposed(tokens, composedRules())
  const p = windowPrediction(m, tokens, scan)
  // The windows can only raise a check-in the classifier alone does not: none where it already
  // asks about the whole text, none where an idiom stops them (`combine`). Skipped there, for speed.
  const asksAlready = p.crisis >= askFrom(Math.max(m.thresholds.checkIn, m.thresholds.lowBand ?? 0), scan, m.thresholds) && p.known >= m.thresholds.minKnown
  const idiomQuiet = scan.idiom
  const w = idiomQuiet || asksAlready ? { sentence: NONE, pair: NONE } : sentenceWindows(m, tokens, scan)
  // Fewer than BEYOND_WORDS words outside the idioms ("ik wil geen geweld meer in mijn leven" leaves
  // "ik wil meer") are a fragment, not a text: not read.
  const rest = tokens.filter((_, i) => !scan.idiomWords.has(i))
  const beyondIdiom = idiomQuiet && rest.length >= BEYOND_WORDS ? predict(m, normalisedText(rest)) : NONE
  return { hits: scan.hits, scan, probability: p.crisis, modelKind: p.kind, known: p.known, tokens, sentence: w.sentence, pair: w.pair, beyondIdiom }
}

/**
 * Round 10: the score from which the classifier alone (or a sentence window) asks: `at`, or on a
 * text without a single risk word the higher `bare`. Set 7-9's look-alikes the classifier asked
 * about out of sample were mostly everyday texts with no risk word at all ("nog 3 dagen dan word
 * ik 18!!!", "die vent van het UWV laat me wachten, ik word er gek van").
 */
function askFrom(at: number, scan: ComposedScan, t: Thresholds): number {
  return scan.signal ? at : Math.max(at, t.bare ?? 0)
}

function byPriority(kinds: Iterable<CrisisKind>): CrisisKind[] {
  const set = new Set(kinds)
  return PRIORITY.filter((k) => set.has(k))
}

/** Round 13: the ids of the rules marked `told` (compose.ts), once per rule set. */
const TOLD = new WeakMap<ComposedRules, Set<string>>()
function toldRules(rules: ComposedRules): Set<string> {
  let ids = TOLD.get(rules)
  if (!ids) TOLD.set(rules, (ids = new Set(rules.rules.filter((r) => r.told === true).map((r) => r.id))))
  return ids
}

/**
 * Round 21: the look-alike structures that keep the classifier alone quiet in the lower check-in's
 * band (`lowBand` in Thresholds): a film, song or the news, an idiom, a harmless purpose, a harmless
 * gift, a past told or a resolved story, anywhere in the text.
 */
const LOW_BAND_CALM = ['media', 'idiom', 'harmless_purpose', 'give_ok', 'past', 'resolved']
function lowBandCalm(scan: ComposedScan): boolean {
  return scan.sentences.some((s) => LOW_BAND_CALM.some((c) => s.hits.has(c)))
}

/** The phrase lists' finding, unless the look-alike structures explain it away. */
export function keptPhrase(phrase: PhraseResult, parts: ScreenParts): PhraseResult {
  if (!phrase.detected || !phrase.kind || !phrase.evidence) return phrase
  const lookalike = phraseLookalike(parts.scan, composedRules(), phrase.evidence.start, phrase.evidence.end, phrase.kind)
  return lookalike ? { detected: false, kind: null } : phrase
}

/** `t`: the stored model's thresholds, or others being tried (scripts/loso-crisis.ts). */
export function combine(text: string, found: PhraseResult, parts: ScreenParts, t: Thresholds = crisisModel().thresholds): CrisisOutcome {
  const rules = composedRules()
  // A past crisis told calmly, someone else's story, an idiom: the structure is in the sentence of
  // the signal and the classifier agrees. Only then does a rule stand down (never on the
  // classifier alone).
  const on = (s: StandDown): boolean => !standDownsOff.has(s)
  const quiet = on('calm') && parts.probability < t.quiet
  // Round 5: a classifier that knows the text well and is sure it is harmless stands a check-in
  // rule down. Never an alarm rule or the phrase lists: vetoing those lost clear statements of the
  // team's battery ("my uncle touched me") that the classifier had not learned.
  const veto = on('veto') && parts.known >= t.minKnown && parts.probability < (t.veto ?? 0)
  // Round 7: a classifier that is all but certain (trained on six sets' look-alikes) may stand
  // down an alarm rule and the phrase lists too; set 6's in-sample false alarms were nearly all
  // alarm rules on harmless text it scored 0.00.
  const vetoAlarm = on('veto') && parts.known >= t.minKnown && parts.probability < (t.vetoAlarm ?? 0)
  // Round 9: in the clearly calm structures (a past with a change told, someone else, a film) the
  // classifier may stand a rule down from a higher score (`calm`); elsewhere only below `quiet`.
  const calmEnough = on('clearly-calm') && parts.probability < (t.calm ?? t.quiet)
  const calmHit = (first: number, kind: CrisisKind): boolean => (quiet && calmStructureAt(parts.scan, rules, first, kind)) || (calmEnough && clearlyCalmAt(parts.scan, rules, first, kind))
  // Round 13: a rule told as something already done is calmed only by an idiom, a film or a
  // harmless purpose, and never vetoed (compose.ts, `told`).
  const told = (h: RuleHit): boolean => toldRules(rules).has(h.rule)
  const calmRuleHit = (h: RuleHit): boolean => (told(h) ? quiet && toldCalmAt(parts.scan, rules, h.first) : calmHit(h.first, h.kind))
  const kept = on('phrase-lookalike') ? keptPhrase(found, parts) : found
  const phraseAt = kept.evidence ? tokenAt(parts.scan, kept.evidence.start, kept.evidence.end) : undefined
  const phrase = vetoAlarm || (kept.detected && kept.kind && phraseAt !== undefined && calmHit(phraseAt, kept.kind)) ? { detected: false, kind: null } : kept
  const asks = (h: { rule: string }) => rules.rules.some((r) => r.id === h.rule && r.alwaysAsk === true)
  const vetoed = (h: RuleHit): boolean => ((veto && h.level === 'check_in') || vetoAlarm) && !asks(h) && !told(h)
  // Round 11: a rule a calm structure or the veto stood down still asks (a check-in, never
  // silence) where the text carries a risk word outside its own that no structure explains
  // (`independentSignal`).
  const guarded = (h: RuleHit, g: StandDown): RuleHit[] => (on('guard') && on(g) && independentSignal(parts.scan, rules, h) ? [{ ...h, level: 'check_in' }] : [])
  const hits = parts.hits.flatMap((h) => (calmRuleHit(h) ? guarded(h, 'guard-calm') : vetoed(h) ? guarded(h, 'guard-veto') : [h]))
  const alarmHits = hits.filter((h) => h.level === 'alarm')
  const checkHits = hits.filter((h) => h.level === 'check_in')
  const alarmKinds = new Set<CrisisKind>(alarmHits.map((h) => h.kind))
  if (phrase.detected && phrase.kind) alarmKinds.add(phrase.kind)
  // The classifier alone speaks only on enough evidence (round 4): a text with at least `minKnown`
  // features it learned, so never about an empty text, nonsense, a name or a one-word answer (its
  // score there is its prior, or one n-gram); and not where an idiom explains the words, unless it
  // is sure (round 6: an idiom anywhere in the text, "moet ff weg", "op na school", silenced it on
  // "ik heb zo'n zin om mijn kind te slaan, moet ff weg" at 1.00).
  // Round 9: nor where the text's only risk words are a name (De Brug), unless it is sure.
  const idiomText = on('idiom-text') && parts.scan.idiom
  // Round 22: nor where every risk word stands in the condition of a coping plan ("als ik aan
  // zelfmoord denk, bel ik 113"), unless it is sure: the client's own safety plan names hard things
  // on purpose (`copingSpans` in compose.ts).
  const planText = on('coping') && parts.scan.copingPlan
  const modelMay = parts.known >= t.minKnown && (!(idiomText || planText || (on('named-only') && parts.scan.namedOnly)) || parts.probability >= t.alarm)
  const modelAlarm = modelMay && parts.probability >= t.alarm
  // The wider net: the classifier alone asks gently about wording no rule knows.
  // Round 11: where an idiom keeps the classifier from asking, the text without the idiom's words
  // is read too (`beyondIdiom`): what it still reads as a crisis, the idiom does not explain.
  const beyond = idiomText && on('guard') && on('guard-idiom') && parts.probability >= t.checkIn && parts.beyondIdiom.known >= t.minKnown && parts.beyondIdiom.crisis >= (t.beyond ?? BEYOND)
  // Round 17: a short text the classifier knows less well may ask from a higher score (`shortKnown`,
  // `shortCheckIn`), never where an idiom or a name explains the words.
  const shortMay = t.shortKnown !== undefined && parts.known < t.minKnown && parts.known >= t.shortKnown && !idiomText && !planText && !(on('named-only') && parts.scan.namedOnly)
  const shortCheck = shortMay && parts.probability >= askFrom(t.shortCheckIn ?? 2, parts.scan, t)
  // Round 21: from `checkIn` up to `lowBand` (the lower check-in's own band) the classifier alone
  // asks only where no look-alike structure explains the words (LOW_BAND_CALM).
  const upper = Math.max(t.checkIn, t.lowBand ?? 0)
  const inBand = parts.probability < askFrom(upper, parts.scan, t)
  const bandOk = !inBand || !lowBandCalm(parts.scan)
  const modelCheck = (modelMay && parts.probability >= askFrom(t.checkIn, parts.scan, t) && bandOk) || beyond || shortCheck
  // Two weak signals that agree make a clear one (a rule has found words, so no floor on features).
  const weakPair = checkHits.length > 0 && parts.tokens.length > 0 && parts.probability >= upper
  if (alarmKinds.size === 0 && (modelAlarm || weakPair)) {
    for (const h of checkHits) alarmKinds.add(h.kind)
    if (alarmKinds.size === 0) alarmKinds.add(parts.modelKind)
  }
  let level: CrisisLevel | null = null
  let kinds: CrisisKind[] = []
  // Round 8: one sentence, or two neighbouring sentences, that the classifier reads as a crisis
  // raise a check-in (never an alarm): asking gently about a long text costs less than missing
  // its one worrying sentence. Not where an idiom explains the words (as for the classifier alone).
  const windowKinds: CrisisKind[] = []
  if (!idiomText && !planText) {
    if (parts.sentence.crisis >= askFrom(t.sentence ?? 2, parts.scan, t)) windowKinds.push(parts.sentence.kind)
    if (parts.pair.crisis >= askFrom(t.pair ?? 2, parts.scan, t)) windowKinds.push(parts.pair.kind)
  }
  if (alarmKinds.size > 0) {
    level = 'alarm'
    // The kinds the screen is sure of come first; a check-in's kind only follows them.
    const sure = byPriority(alarmKinds)
    kinds = [...sure, ...byPriority(checkHits.map((h) => h.kind)).filter((k) => !sure.includes(k))]
  } else if (checkHits.length > 0 || modelCheck || windowKinds.length > 0) {
    level = 'check_in'
    kinds = byPriority(checkHits.length > 0 ? checkHits.map((h) => h.kind) : modelCheck ? [beyond && !modelMay ? parts.beyondIdiom.kind : parts.modelKind] : windowKinds)
  }
  if (level === null) return { detected: false, kind: null, level: null, kinds: [] }
  const kind = kinds[0] ?? null
  const evidence = phrase.detected && phrase.evidence ? phrase.evidence : evidenceOf(text, { ...parts, hits }, level)
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
