// The crisis classifier's training, shared by scripts/train-crisis.ts (the model the screen runs)
// and scripts/loso-crisis.ts (leave-one-set-out: how a setting does on a set it never learned).
// See train-crisis.ts for the method.

import { readdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLASSES, features, type FeatureOptions } from '../src/screen/classifier'
import { crisisTokens, normalisedText } from '../src/screen/normalise'
import { BREAK_SENTENCE } from '../src/tokenize'

const here = dirname(fileURLToPath(import.meta.url))
export const pkg = resolve(here, '..')

// Settings can be tried without editing (CRISIS_KEEP=40000 npm run train:crisis -- --dry).
export const env = (name: string, fallback: number): number => Number(process.env[name] ?? fallback)
export const OPTIONS: FeatureOptions = { buckets: env('CRISIS_BUCKETS', 1 << 18), minN: 2, maxN: env('CRISIS_MAX_N', 5) }
export const EPOCHS = env('CRISIS_EPOCHS', 25)
export const RATE = 0.5
export const L2 = env('CRISIS_L2', 2e-5)
// Buckets kept in the stored model. 12 000 (rounds 1-2) cut out-of-fold recall on round 3's
// look-alike-heavy set to about half of what 60 000 keeps (eval/CRISIS-ROUND3.md); round 5's
// leave-one-set-out: 120 000 found 91.1 % at 5.0 % false alarms against 88.1 % with 60 000 (200 000: no better).
// Round 8: 130 000 (set 7 and the long everyday texts bring new features). Round 9: 140 000: with
// set 8 learned, 130 000 kept too few of the features of set 7's "Ik wil snijden. Nu. Help." (30
// known, below MIN_KNOWN), so the classifier, sure at 0.98, could not speak.
export const KEEP = env('CRISIS_KEEP', 140000)
// Thresholds (round 5), chosen by leave-one-set-out (scripts/loso-crisis.ts, eval/HELDOUT.md):
// of the settings that keep false alarms at most 5 % on the four measured sets, each left out of
// training in turn, the one with the highest recall. Rounds 3-4 took them from quantiles of
// out-of-fold scores of look-alikes written by one author; four sets written by others say more.
//   checkIn  the classifier alone asks "Hoe gaat het echt met je?" from this score;
//   alarm    the classifier alone raises an alarm from this score (level only, not recall);
//   quiet    below this score a rule in a look-alike structure stands down (rounds 3-4);
//   veto     below this score, on a text it knows well, a rule stands down whatever the structure.
// Round 7: check-in stays 0.35: 0.22 found more of round 3's dev split (185 against 179) but asked
// about the assistant's everyday answer "eerlijk tegen iedereen" (0.26), the failure that reverted
// round 3. Veto 0.1 (was 0.15; round 6's leave-one-set-out preferred it), quiet 0.1 (was 0.05: it
// keeps a suicide attempt of 2019 told with "i have my own flat now" quiet, as before set 6 was
// learned). The veto on alarms (vetoAlarm) was tried at 0.02 and left off: it silenced
// the team's battery again ("my dad kicks us"), as in round 5 (eval/HELDOUT.md, round 7).
export const ROUND5 = {
  // Round 21: 0.35 -> 0.3, with sentence 0.85 -> 0.9 and bare 0.32 below: judged on nine writers
  // with the rules they had before they became development sets (scripts/grid-before-crisis.ts,
  // eval/HELDOUT.md "Round 21"): 12 crisis texts more, 3 false alarms fewer, no writer losing one.
  checkIn: env('CRISIS_CHECK_IN', 0.3),
  alarm: 0.6,
  quiet: env('CRISIS_QUIET', 0.1),
  // Round 8: the veto stays 0.1 (0.15 cost half a point of recall on sets 5-7 left out, for 0.2
  // points fewer false alarms; eval/HELDOUT.md, round 8). Round 12: 0.05. Round 10's retrained
  // model scored two crisis texts of sets 10-11 that round 9's found by a check-in rule from 0.14
  // and 0.2 down to 0.07, and the veto silenced them; 0.05 leaves the model less room to silence a
  // rule when a retraining moves its low scores (sets 10-12, never learned: +2 found, +1 false
  // alarm; eval/HELDOUT.md, round 12).
  veto: env('CRISIS_VETO', 0.05),
  // Round 7: below this the veto stands down alarm rules and the phrase lists too (0: never).
  vetoAlarm: env('CRISIS_VETO_ALARM', 0),
  // Round 8: one sentence read alone, or two neighbouring sentences read as one, raise a check-in
  // from these scores (src/screen/index.ts, sentenceWindows; chosen by leave-one-set-out on sets
  // 5-7 and probes 11-12, eval/HELDOUT.md).
  sentence: env('CRISIS_SENTENCE', 0.9),
  pair: env('CRISIS_PAIR', 0.3),
  // Round 9: in a clearly calm structure a rule stands down below this score (compose.ts,
  // clearlyCalmAt; chosen by leave-one-set-out on sets 6-8, eval/HELDOUT.md).
  calm: env('CRISIS_CALM', 0.2),
  // Round 21: on a text without a single risk word the classifier alone and the sentence windows
  // ask only from this score (src/screen/index.ts, askFrom), so the lower check-in reaches texts
  // with a risk word and leaves everyday texts where 0.35 had them (round 10's bare, shipped).
  bare: env('CRISIS_BARE', 0.32),
  // Round 21: from checkIn up to lowBand (the old check-in, 0.35) the classifier alone asks only
  // where no look-alike structure is in the text (src/screen/index.ts, LOW_BAND_CALM), a check-in
  // rule is not raised to an alarm there, and the sentence windows are read as before.
  lowBand: env('CRISIS_LOW_BAND', 0.35),
}
// The prior (round 4): the classifier's score for a text with no features it knows. Round 3
// learned its intercepts freely and they leaned to crisis (0.78 on an empty text), so nonsense,
// names and short English answers got a check-in. The intercepts are now fixed, not learned, at a
// "none" intercept that gives this score; every bit of crisis evidence must come from the words.
export const PRIOR = env('CRISIS_PRIOR', 0.05)
// The classifier alone may raise a signal only on a text with at least this many features it knows
// (kept buckets; "ik wil dood" has about 26, a four-word sentence 40 or more): on fewer, a single
// n-gram decides its score ("tomorrow" scored 0.95 out of fold), so a short answer is left to the
// rules. Out of fold, 32 costs the classifier alone 0.4 points of recall on the crisis items and
// takes short everyday text it flags from 2.3 % (at 24) to about 1.5 %.
export const MIN_KNOWN = env('CRISIS_MIN_KNOWN', 32)
// Round 20: the short-text net of round 17 (`shortKnown`, `shortCheckIn` in Thresholds): on a text
// with fewer than MIN_KNOWN known features but at least SHORT_KNOWN, the classifier alone may ask
// (never alarm) from SHORT_CHECK_IN. Measured on eight writers with the rules they had before they
// became development sets (scripts/grid-before-crisis.ts, eval/HELDOUT.md "Round 20"): 3 texts more
// on set 21, no false alarm more on any of them, and no change on any open set with today's rules.
export const SHORT_KNOWN = env('CRISIS_SHORT_KNOWN', 24)
export const SHORT_CHECK_IN = env('CRISIS_SHORT_CHECK_IN', 0.75)

export interface Item {
  id: string
  text: string
  crisis: string | null
  split?: string
  file?: string
  kind?: string
}

/** A labelled set; of round 3's own set only the `train` split (its `dev` split is measured, never learned). */
export function load(path: string): Item[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => ({ ...(JSON.parse(l) as Item), file: path }))
    .filter((it) => it.split !== 'dev')
}

// Every labelled set the rules were already written or tuned on, the validation file included (it
// stopped being blind in round 1; round 3's dev split is the out-of-sample check now). Never the
// dev split of crisis-round3.jsonl, never a blind set.
export const SOURCES = [
  'eval/crisis-train.jsonl',
  'eval/crisis-validation.jsonl',
  'eval/crisis-round3.jsonl',
  'eval/crisis-probe2.jsonl',
  'eval/crisis-probe3.jsonl',
  'eval/crisis-probe4.jsonl',
  'eval/crisis-probe5.jsonl',
  'eval/crisis-probe6.jsonl',
  'eval/crisis-probe7.jsonl',
  'eval/crisis-probe8.jsonl',
  // Round 6: written for the types set 5 missed, before the rules for them (eval/HELDOUT.md).
  'eval/crisis-probe9.jsonl',
  // Written after the round-6 rules, measured once (first look in eval/HELDOUT.md), then learned.
  'eval/crisis-probe10.jsonl',
  'eval/statements.jsonl',
  'eval/dev.jsonl',
  // The phrases of src/crisis.battery.test.ts (the team's own crisis and quiet sentences), copied
  // so the classifier learns them too (scripts/battery-to-jsonl.ts writes it).
  'eval/crisis-battery.jsonl',
  // Harmless short text the assistant gets (round 4): yes/no, "I don't know", single words, names,
  // nonsense, numbers, short answers to its questions in Dutch, English and both mixed. Without it
  // the classifier had hardly seen text this short and scored it by its prior.
  'eval/everyday-short.jsonl',
  // Round 8: long harmless text (weeks told, goals, VIP notes, calm past crises, coping plans that
  // name 113, medication as prescribed, idioms), 144 texts of 4-5 sentences written for this round.
  // The screen now reads every sentence and every pair of neighbours (src/screen/index.ts): without
  // these the classifier had seen everyday sentences mostly as whole short statements.
  'eval/everyday-long.jsonl',
]

/**
 * The blind sets of rounds 1-8 (eval/HELDOUT.md). Each was measured against a screen it was never
 * tuned on; since round 5 (sets 1-4), round 6 (set 5), round 7 (set 6), round 8 (set 7) and round 9
 * (set 8) they are development and training data.
 * Settings are chosen by leaving one of them out (scripts/loso-crisis.ts), then the model is trained
 * on all of them. A blind set not yet measured (crisis-heldout-13.jsonl on) is never named here and never read.
 */
export const MEASURED_SETS = [
  'eval/crisis-heldout.jsonl',
  'eval/crisis-heldout-2.jsonl',
  'eval/crisis-heldout-3.jsonl',
  'eval/crisis-heldout-4.jsonl',
  'eval/crisis-heldout-5.jsonl',
  'eval/crisis-heldout-6.jsonl',
  // Round 8: set 7, measured blind after round 7 (eval/HELDOUT.md).
  'eval/crisis-heldout-7.jsonl',
  // Round 9: set 8, measured blind before and after round 8 (eval/HELDOUT.md).
  'eval/crisis-heldout-8.jsonl',
]

/**
 * Round 12: sets measured blind that the screen may be run on and studied, but that the classifier
 * has not learned from (eval/HELDOUT.md, round 12). Rounds 10 and 11 trained on set 9 and the
 * model so trained scored the crisis texts of sets 10-12 lower: with round 9's model (sets 1-8) the
 * same rules found more on all three. Set 9 went back here; sets 10-12 decided on rounds 10 and
 * 11 and are development data since round 12, set 13 since round 13, sets 14 and 15 since round 14, sets 16 and 17 since round 16, sets 18 and 19 since round 18.
 * The measuring scripts accept them; training never reads them.
 */
export const DEVELOPMENT_SETS = ['eval/crisis-heldout-9.jsonl', 'eval/crisis-heldout-10.jsonl', 'eval/crisis-heldout-11.jsonl', 'eval/crisis-heldout-12.jsonl', 'eval/crisis-heldout-13.jsonl', 'eval/crisis-heldout-14.jsonl', 'eval/crisis-heldout-15.jsonl', 'eval/crisis-heldout-16.jsonl', 'eval/crisis-heldout-17.jsonl', 'eval/crisis-heldout-18.jsonl', 'eval/crisis-heldout-19.jsonl', 'eval/crisis-heldout-20.jsonl', 'eval/crisis-heldout-21.jsonl', 'eval/crisis-heldout-22.jsonl', 'eval/crisis-heldout-23.jsonl', 'eval/crisis-heldout-24.jsonl']

/** A set the scripts may measure item by item: training data or a development set, never a blind one. */
export const openSet = (file: string): boolean => [...MEASURED_SETS, ...DEVELOPMENT_SETS].some((m) => file.endsWith(m))

/**
 * Round 12, for trying only (scripts/loso-crisis.ts): LOSO_LEARN=9 lets the classifier learn
 * development sets as if they were measured sets, so the other development sets, never learned,
 * show what learning them does on unseen text. That is the check rounds 10-11 lacked: their
 * leave-one-set-out compared rules over fold models that had all learned set 9.
 */
export const LEARNED = (process.env['LOSO_LEARN'] ?? '').split(',').filter((n) => n.trim() !== '').map((n) => `eval/crisis-heldout-${n.trim()}.jsonl`)
if (LEARNED.some((f) => !DEVELOPMENT_SETS.includes(f))) throw new Error('LOSO_LEARN names only development sets')
const LEARNABLE = [...MEASURED_SETS, ...LEARNED]
/** Round 18: LOSO_LEARN_ONLY=crisis (scripts/loso-crisis.ts): of the learned development sets, only their crisis texts. */
export const LEARN_ONLY_CRISIS = process.env['LOSO_LEARN_ONLY'] === 'crisis'

/** Every item the classifier learns from, but for the sets left out (leave-one-set-out; round 17: a source such as eval/everyday-short.jsonl too). */
export function trainingItems(leaveOut: string[] = []): Item[] {
  const files = [...SOURCES, ...LEARNABLE].filter((f) => !leaveOut.includes(f))
  if (files.some((f) => /heldout/.test(f) && !LEARNABLE.includes(f))) throw new Error('a blind set must never be learned from')
  // Round 18, for trying only: LOSO_LEARN_ONLY=crisis learns only the crisis texts of the development sets named in LOSO_LEARN.
  const only = (f: string, items: Item[]): Item[] => (LEARN_ONLY_CRISIS && LEARNED.includes(f) ? items.filter((it) => it.crisis !== null) : items)
  return [...files.flatMap((f) => only(f, load(resolve(pkg, f)))), ...promptItems()]
}

/**
 * The assistant's own words (prompts/<locale>/flow-*.md and common.md: questions, hints,
 * summaries), harmless by construction: the screen runs on text a model writes too, and round 3
 * flagged the assistant's own kind of question ("Wat heb jij allemaal, of wie heb je om je heen?").
 * The help texts (`safety.*`) are left out: they name crises on purpose.
 */
export function promptItems(): Item[] {
  const root = resolve(pkg, '../../prompts')
  const out: Item[] = []
  for (const locale of ['nl', 'en']) {
    const dir = resolve(root, locale)
    for (const name of readdirSync(dir).filter((f) => /^(flow-.*|common)\.md$/.test(f))) {
      const body = readFileSync(resolve(dir, name), 'utf8').replace(/<!--[\s\S]*?-->/g, '').replace(/^---[\s\S]*?---/, '')
      for (const section of body.split(/^## /m).slice(1)) {
        const [key = '', ...lines] = section.split('\n')
        if (key.startsWith('safety.')) continue
        const text = lines.join(' ').replace(/{{\s*\w+\s*}}/g, 'Sam').replace(/\s+/g, ' ').trim()
        if (text !== '') out.push({ id: `prompt-${locale}-${key.trim()}`, text, crisis: null, file: 'prompts' })
      }
    }
  }
  return out
}

/** Small, seeded pseudo-random numbers (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const CHAT: [RegExp, string][] = [
  [/\bik\b/g, 'k'],
  [/\bmijn\b/g, 'mn'],
  [/\bniet\b/g, 'nie'],
  [/\bgewoon\b/g, 'gwn'],
  [/\becht\b/g, 'egt'],
  [/\beven\b/g, 'ff'],
  [/\bi am\b/g, 'im'],
  [/\bdo not\b/g, 'dont'],
  [/\bwant to\b/g, 'wanna'],
  [/\bmyself\b/g, 'myslef'],
  [/\bben\b/g, 'bn'],
]

/** A noisy copy: chat spelling, a glued pair of words, a slip, a stretched letter. */
export function noisy(text: string, r: () => number): string {
  let s = text.toLowerCase()
  for (const [re, to] of CHAT) if (r() < 0.5) s = s.replace(re, to)
  const words = s.split(' ')
  if (words.length > 2 && r() < 0.4) {
    const i = Math.floor(r() * (words.length - 1))
    words.splice(i, 2, `${words[i] ?? ''}${words[i + 1] ?? ''}`)
  }
  const longWords = words.map((w, i) => [w, i] as const).filter(([w]) => w.length > 4)
  const pick = longWords[Math.floor(r() * longWords.length)]
  if (pick && r() < 0.6) {
    const [w, i] = pick
    const j = 1 + Math.floor(r() * (w.length - 2))
    words[i] = r() < 0.5 ? w.slice(0, j) + w.slice(j + 1) : w.slice(0, j) + (w[j + 1] ?? '') + (w[j] ?? '') + w.slice(j + 2)
  }
  if (r() < 0.3) s = words.join(' ').replace(/([aeiou])/, '$1$1$1')
  else s = words.join(' ')
  return s
}

export interface Example {
  idx: number[]
  val: number
  y: number
}

/** A harmless example from text already normalised (a sentence window). */
function normalisedExample(text: string): Example {
  const f = features(text, OPTIONS)
  return { idx: f.idx, val: f.val, y: 0 }
}

export function example(text: string, label: string | null): Example {
  const f = features(normalisedText(crisisTokens(text)), OPTIONS)
  return { idx: f.idx, val: f.val, y: label === null ? 0 : CLASSES.indexOf(label as (typeof CLASSES)[number]) }
}

// Noisy copies of each item of the measured sets beyond the usual two: they were written by
// several people who never saw the rules, so they carry the variety a new blind set will have.
export const MEASURED_COPIES = env('CRISIS_MEASURED_COPIES', 5)
// Round 19, for trying only (scripts/loso-crisis.ts): noisy copies of each item of a development set
// learned with LOSO_LEARN (rounds 17-18 gave them five, as sets 1-8 get). Without LOSO_LEARN nothing reads it.
export const LEARN_COPIES = env('LOSO_LEARN_COPIES', MEASURED_COPIES)

// Round 7: texts of several sentences built from the items, per crisis and look-alike item of
// the crisis sets (0: none). Set 7's misses were mostly a crisis clause inside a longer everyday
// text. Tried with 1 and rejected: the everyday sentences, seen so often beside crisis items,
// stopped counting as harmless, and the classifier alone raised false alarms on round 3's dev
// split from 8 to 23 of 212 (eval/HELDOUT.md, round 7). The sentence windows of the screen
// (src/screen/index.ts) do the job instead.
export const COMPOSITES = env('CRISIS_COMPOSITES', 0)

/** Harmless everyday sentences (the strength statements) to build longer texts from. */
function everydayPool(items: Item[]): string[] {
  return items.filter((it) => it.crisis === null && /\/(statements|dev)\.jsonl$/.test(it.file ?? '') && it.text.length > 20).map((it) => it.text.trim())
}

const sentenceEnd = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`)

/**
 * A longer text around one item: one or two everyday sentences before it, sometimes one after,
 * labelled as the item is. A crisis clause stays a crisis in a week told; a look-alike stays
 * harmless beside everyday text.
 */
export function composite(text: string, pool: string[], r: () => number): string {
  const pick = (): string => sentenceEnd(pool[Math.floor(r() * pool.length)] ?? '')
  const before = Array.from({ length: r() < 0.5 ? 1 : 2 }, pick)
  const after = r() < 0.5 ? [pick()] : []
  return [...before, sentenceEnd(text.trim()), ...after].join(' ')
}

// Round 8: the screen reads each sentence of a long text alone and each two neighbours as one
// (src/screen/index.ts, sentenceWindows), text the classifier had only seen inside whole texts.
// The sentences and pairs of the long everyday texts are learned as harmless too (1) or not (0),
// but for the calm past crises and the coping plans, whose sentences alone ("ik heb een poging
// gedaan", "als ik zin krijg om mezelf pijn te doen") must keep counting.
export const WINDOW_NEGATIVES = env('CRISIS_WINDOW_NEGATIVES', 1)
const NOT_ALONE = new Set(['past', 'coping'])

/** The sentences of a text and each two neighbours, normalised as the screen reads them. */
export function windowTexts(text: string): string[] {
  const tokens = crisisTokens(text)
  const sents: (typeof tokens)[] = []
  let start = 0
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || tokens[i]?.brk === BREAK_SENTENCE) {
      sents.push(tokens.slice(start, i))
      start = i
    }
  }
  if (sents.length < 2) return []
  const out = sents.map((s) => normalisedText(s))
  for (let i = 0; i + 1 < sents.length; i++) out.push(normalisedText([...(sents[i] ?? []), ...(sents[i + 1] ?? [])]))
  return out
}

export function expand(items: Item[], seed: number): Example[] {
  const r = rng(seed)
  const out: Example[] = []
  const pool = everydayPool(items)
  for (const it of items) {
    out.push(example(it.text, it.crisis))
    const measured = LEARNABLE.some((f) => it.file?.endsWith(f))
    // Round 19, for trying only: LOSO_LEARN_COPIES sets the noisy copies of a learned development set (LOSO_LEARN) apart from sets 1-8.
    const copies = LEARNED.some((f) => it.file?.endsWith(f)) ? LEARN_COPIES : measured ? MEASURED_COPIES : 2
    for (let i = 0; i < copies; i++) out.push(example(noisy(it.text, r), it.crisis))
    if (pool.length > 0 && /\/crisis-/.test(it.file ?? '')) for (let i = 0; i < COMPOSITES; i++) out.push(example(composite(r() < 0.5 ? it.text : noisy(it.text, r), pool, r), it.crisis))
    if (WINDOW_NEGATIVES > 0 && it.crisis === null && /\/everyday-long\.jsonl$/.test(it.file ?? '') && !NOT_ALONE.has(it.kind ?? '')) for (const w of windowTexts(it.text)) out.push(normalisedExample(w))
  }
  return out
}
