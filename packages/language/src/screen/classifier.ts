// A small linear classifier beside the rules: it reads the normalised text as character n-grams
// (2 to 5 letters, across word gaps, so "kwil nie meer" and "ik wil niet meer" share most of
// their features) and word unigrams and bigrams, hashed into a fixed number of buckets. A
// softmax over "no crisis" and the six kinds. Trained in this repository on a labelled set
// (scripts/train-crisis.ts, `npm run train:crisis`); the weights are a committed JSON file, so
// nothing is downloaded at run time and the result is the same on every machine.

import { crisisKinds, type CrisisKind } from '../types'

export const CLASSES = ['none', ...crisisKinds] as const
export type ClassLabel = (typeof CLASSES)[number]

export interface FeatureOptions {
  buckets: number
  minN: number
  maxN: number
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

// FNV-1a, 32 bit, of a tag character and a string: fast, stable across machines, a good spread.

const TAG_CHARS = 99 // 'c'
const TAG_WORD = 119 // 'w'
const TAG_BIGRAM = 98 // 'b'

// Deduplicates bucket ids without a Set: a stamp per bucket, bumped once per call (the screen
// runs on every keystroke, and a Set of a few hundred numbers was a tenth of its time).
let stamps = new Uint32Array(0)
let stamp = 0

/** A fresh stamp: every bucket counts as unseen again. */
function newStamp(buckets: number): void {
  if (stamps.length < buckets) stamps = new Uint32Array(buckets)
  stamp = (stamp + 1) >>> 0
  if (stamp === 0) {
    stamps.fill(0)
    stamp = 1
  }
}

function seenBefore(b: number): boolean {
  if (stamps[b] === stamp) return true
  stamps[b] = stamp
  return false
}

/** FNV-1a of the bytes of `s` from `h` on (so a bigram is hashed without building "w next"). */
function fnvOn(h: number, s: string): number {
  let x = h
  for (let i = 0; i < s.length; i++) x = Math.imul(x ^ s.charCodeAt(i), FNV_PRIME)
  return x
}

/**
 * Hashed feature buckets of a normalised text, each once, with weight 1/sqrt(count) (unit
 * length). Character n-grams are hashed as they grow from each start, so no substring is built:
 * this runs on every keystroke.
 */
export function features(text: string, o: FeatureOptions): { idx: number[]; val: number } {
  if (text.trim() === '') return { idx: [], val: 0 }
  newStamp(o.buckets)
  const idx: number[] = []
  const add = (b: number): void => {
    if (!seenBefore(b)) idx.push(b)
  }
  const clean = ` ${text.replace(/ \| /g, ' ').trim()} `
  const start = Math.imul(FNV_OFFSET ^ TAG_CHARS, FNV_PRIME)
  for (let i = 0; i < clean.length; i++) {
    let h = start
    for (let n = 1; n <= o.maxN && i + n <= clean.length; n++) {
      h = Math.imul(h ^ clean.charCodeAt(i + n - 1), FNV_PRIME)
      if (n >= o.minN) add((h >>> 0) % o.buckets)
    }
  }
  const words = text.split(' ')
  const wordStart = Math.imul(FNV_OFFSET ^ TAG_WORD, FNV_PRIME)
  const bigramStart = Math.imul(FNV_OFFSET ^ TAG_BIGRAM, FNV_PRIME)
  const space = 32
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? ''
    if (w === '' || w === '|') continue
    add((fnvOn(wordStart, w) >>> 0) % o.buckets)
    const next = words[i + 1]
    if (next && next !== '|') add((fnvOn(Math.imul(fnvOn(bigramStart, w) ^ space, FNV_PRIME), next) >>> 0) % o.buckets)
  }
  return { idx, val: idx.length === 0 ? 0 : 1 / Math.sqrt(idx.length) }
}

/** The stored model: sparse rows of int8 weights (one per class), scaled back by `scale`. */
export interface StoredModel {
  $comment?: string
  version: 1
  buckets: number
  minN: number
  maxN: number
  classes: string[]
  scale: number
  bias: number[]
  /** Bucket ids in ascending order as base64 of unsigned LEB128 deltas. */
  index: string
  /** base64 of int8, classes.length per kept bucket, in the order of `index`. */
  weights: string
  /**
   * Probability of a crisis (1 - p(none)) from which the classifier alone raises an alarm or a
   * check-in, and below which it may quiet a rule in a text with a look-alike structure.
   */
  thresholds: Thresholds
}

export interface Thresholds {
  alarm: number
  checkIn: number
  quiet: number
  /**
   * The classifier alone (no rule) may raise a signal only on a text with at least this many
   * features it knows (see `recognised`): on fewer, its score is mostly its prior.
   */
  minKnown: number
  /**
   * Round 5: below this score, on a text with at least `minKnown` known features, the classifier
   * may stand down a rule even without a look-alike structure (it learned the look-alikes of four
   * sets written by others). Absent or 0: never.
   */
  veto?: number
  /**
   * Round 7: below this score, on a text with at least `minKnown` known features, the classifier
   * may also stand down an alarm rule and the phrase lists (never an `alwaysAsk` rule). Absent or
   * 0: never (rounds 5-6 spared alarms: "my uncle touched me" had been vetoed).
   */
  vetoAlarm?: number
  /**
   * Round 8: in a text of two sentences or more, one sentence read alone at or above this score
   * raises a check-in (never an alarm). Absent: never.
   */
  sentence?: number
  /** Round 8: the same for two neighbouring sentences read as one. Absent: never. */
  pair?: number
  /**
   * Round 9: below this score (higher than `quiet`) the classifier stands down a rule of either
   * level, but only in a clearly calm structure (`clearlyCalmAt` in compose.ts: a past with a
   * change told, someone else's harm, a film), never on a structure that says it goes on. Absent: `quiet`.
   */
  calm?: number
  /**
   * Round 10: on a text without a single risk word (no concept of `structures.signal` in
   * rules.json), the classifier alone and the sentence windows ask only from this score. Absent:
   * as anywhere else (`checkIn`, `sentence`, `pair`).
   */
  bare?: number
  /**
   * Round 21: the band from `checkIn` up to this score is the lower check-in's own: there the
   * classifier alone asks only where no look-alike structure is in the text (`LOW_BAND_CALM` in
   * index.ts: a film or song, an idiom, a harmless purpose, a harmless gift, a past or a resolved
   * story), a check-in rule is not raised to an alarm, and the sentence windows are read as before.
   * Absent: `checkIn` (no band).
   */
  lowBand?: number
  /**
   * Round 11: where an idiom keeps the classifier quiet, the text read without the idiom's words
   * asks from this score (`beyondIdiom` in index.ts). Absent: 0.35.
   */
  beyond?: number
  /**
   * Round 17: on a text with fewer than `minKnown` known features but at least `shortKnown` (a
   * quick reply, a goal of a few words), the classifier alone may ask (a check-in, never an alarm)
   * from `shortCheckIn`. Absent: it never speaks there (rounds 4-16).
   */
  shortKnown?: number
  shortCheckIn?: number
}

export interface Model {
  options: FeatureOptions
  bias: Float64Array
  /** Row of each bucket in `weights`, or -1: a dense index, faster than a Map on every call. */
  rowOf: Int32Array
  /** classes.length weights per kept bucket, already scaled. */
  weights: Float64Array
  thresholds: Thresholds
}

export interface Prediction {
  /** Probability that the text is a crisis signal of any kind. */
  crisis: number
  /** The most likely kind, whatever the probability. */
  kind: CrisisKind
  /** How many of the text's features the model knows (see `recognised`). */
  known: number
}

function fromBase64(s: string): Uint8Array {
  const bin = atob(s)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

export function loadModel(m: StoredModel): Model {
  if (m.version !== 1 || m.classes.join() !== CLASSES.join()) throw new Error('@kracht/language: crisis model does not match the crisis kinds; run npm run train:crisis')
  const idxBytes = fromBase64(m.index)
  const w = new Int8Array(fromBase64(m.weights).buffer)
  const rowOf = new Int32Array(m.buckets).fill(-1)
  const weights = new Float64Array(w.length)
  for (let i = 0; i < w.length; i++) weights[i] = (w[i] ?? 0) * m.scale
  let bucket = 0
  let row = 0
  for (let i = 0; i < idxBytes.length; ) {
    let delta = 0
    let shift = 0
    let b: number
    do {
      b = idxBytes[i++] ?? 0
      delta |= (b & 0x7f) << shift
      shift += 7
    } while (b & 0x80)
    bucket += delta
    rowOf[bucket] = row
    row++
  }
  return { options: { buckets: m.buckets, minN: m.minN, maxN: m.maxN }, bias: Float64Array.from(m.bias), rowOf, weights, thresholds: m.thresholds }
}

/**
 * How many of the text's features the model knows (buckets it kept from training): a text of
 * words it has never seen ("xyzzy", a name) scores near the model's prior, which says nothing
 * about the text, so the classifier alone must not speak about it (see index.ts).
 */
export function recognised(model: Model, text: string): number {
  return predict(model, text).known
}

export function predict(model: Model, text: string): Prediction {
  return predictBuckets(model, features(text, model.options).idx)
}

/**
 * Round 8: the weight rows of a text's buckets summed per class, not yet scaled (each bucket
 * weighs 1/sqrt(n) in the end). The screen reads every sentence and every pair of neighbours; a
 * pair is then its two sentences' sums less the rows they share (`pairSum`), so a row is read
 * about once per sentence, not once per window (the rows are spread over megabytes, and reading
 * them was most of the windows' time).
 */
export interface BucketSum {
  z: Float64Array
  /** Buckets in the text (each once). */
  n: number
  /** Of them, the buckets the model knows. */
  known: number
}

export function bucketSum(model: Model, idx: number[]): BucketSum {
  const k = CLASSES.length
  const z = new Float64Array(k)
  let known = 0
  for (const i of idx) {
    const r = model.rowOf[i] ?? -1
    if (r < 0) continue
    known++
    const at = r * k
    for (let c = 0; c < k; c++) z[c] = (z[c] ?? 0) + (model.weights[at + c] ?? 0)
  }
  return { z, n: idx.length, known }
}

/** Two texts read as one (each bucket once), from their sums and buckets. */
export function pairSum(model: Model, a: BucketSum, aIdx: number[], b: BucketSum, bIdx: number[]): BucketSum {
  const k = CLASSES.length
  newStamp(model.options.buckets)
  for (const x of aIdx) stamps[x] = stamp
  const z = new Float64Array(k)
  for (let c = 0; c < k; c++) z[c] = (a.z[c] ?? 0) + (b.z[c] ?? 0)
  let shared = 0
  let known = a.known + b.known
  for (const x of bIdx) {
    if (stamps[x] !== stamp) continue
    shared++
    const r = model.rowOf[x] ?? -1
    if (r < 0) continue
    known--
    const at = r * k
    for (let c = 0; c < k; c++) z[c] = (z[c] ?? 0) - (model.weights[at + c] ?? 0)
  }
  return { z, n: a.n + b.n - shared, known }
}

/** The prediction from a text's summed rows (see `bucketSum`). */
export function predictSum(model: Model, s: BucketSum): Prediction {
  const k = CLASSES.length
  const val = s.n === 0 ? 0 : 1 / Math.sqrt(s.n)
  const z = Float64Array.from(model.bias)
  for (let c = 0; c < k; c++) z[c] = (z[c] ?? 0) + (s.z[c] ?? 0) * val
  return softmax(z, s.known)
}

/** The prediction for a text given as its feature buckets (see `features`). */
export function predictBuckets(model: Model, idx: number[]): Prediction {
  return predictSum(model, bucketSum(model, idx))
}

function softmax(z: Float64Array, known: number): Prediction {
  const k = CLASSES.length
  let max = -Infinity
  for (const v of z) max = Math.max(max, v)
  let sum = 0
  for (let c = 0; c < k; c++) {
    z[c] = Math.exp((z[c] ?? 0) - max)
    sum += z[c] ?? 0
  }
  let best = 1
  for (let c = 2; c < k; c++) if ((z[c] ?? 0) > (z[best] ?? 0)) best = c
  return { crisis: 1 - (z[0] ?? 0) / sum, kind: CLASSES[best] as CrisisKind, known }
}
