// Trains the crisis classifier on eval/crisis-train.jsonl (plus the older labelled sets
// eval/statements.jsonl and eval/dev.jsonl, whose everyday strength statements teach it what
// ordinary writing looks like) and writes data/crisis/model.json.
//
//   npm run train:crisis
//
// Softmax regression over hashed character n-grams and words (see src/screen/classifier.ts),
// trained with AdaGrad and L2. Every item is also seen in two noisy copies (chat spelling,
// missing spaces, typing slips), so the model learns the signal, not the spelling. The
// thresholds come from 5-fold cross-validation on that training data: the validation file
// (eval/crisis-validation.jsonl) is never read here, so it stays unseen.
// Deterministic: a fixed seed, so the same data gives the same file.

import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CLASSES, features, loadModel, predict, type FeatureOptions, type StoredModel } from '../src/screen/classifier'
import { crisisTokens, normalisedText } from '../src/screen/normalise'

const here = dirname(fileURLToPath(import.meta.url))
const pkg = resolve(here, '..')

const OPTIONS: FeatureOptions = { buckets: 1 << 18, minN: 2, maxN: 5 }
const EPOCHS = 25
const RATE = 0.5
const L2 = 2e-5
const KEEP = 12000
// Share of harmless cross-validated items the classifier alone may flag: a check-in, an alarm.
const CHECK_IN_FALSE_ALARMS = 0.025
const ALARM_FALSE_ALARMS = 0.003

interface Item {
  id: string
  text: string
  crisis: string | null
}

function load(path: string): Item[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Item)
}

/** Small, seeded pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
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
function noisy(text: string, r: () => number): string {
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

interface Example {
  idx: number[]
  val: number
  y: number
}

function example(text: string, label: string | null): Example {
  const f = features(normalisedText(crisisTokens(text)), OPTIONS)
  return { idx: f.idx, val: f.val, y: label === null ? 0 : CLASSES.indexOf(label as (typeof CLASSES)[number]) }
}

function expand(items: Item[], seed: number): Example[] {
  const r = rng(seed)
  const out: Example[] = []
  for (const it of items) {
    out.push(example(it.text, it.crisis))
    out.push(example(noisy(it.text, r), it.crisis))
    out.push(example(noisy(it.text, r), it.crisis))
  }
  return out
}

interface Trained {
  w: Float64Array
  b: Float64Array
}

function train(data: Example[], seed: number): Trained {
  const k = CLASSES.length
  const w = new Float64Array(OPTIONS.buckets * k)
  const g = new Float64Array(OPTIONS.buckets * k).fill(1e-8)
  const b = new Float64Array(k)
  const gb = new Float64Array(k).fill(1e-8)
  const r = rng(seed)
  const order = data.map((_, i) => i)
  const z = new Float64Array(k)
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1))
      const t = order[i] ?? 0
      order[i] = order[j] ?? 0
      order[j] = t
    }
    for (const n of order) {
      const ex = data[n]
      if (!ex) continue
      for (let c = 0; c < k; c++) z[c] = b[c] ?? 0
      for (const f of ex.idx) for (let c = 0; c < k; c++) z[c] = (z[c] ?? 0) + (w[f * k + c] ?? 0) * ex.val
      let max = -Infinity
      for (let c = 0; c < k; c++) max = Math.max(max, z[c] ?? 0)
      let sum = 0
      for (let c = 0; c < k; c++) {
        z[c] = Math.exp((z[c] ?? 0) - max)
        sum += z[c] ?? 0
      }
      for (let c = 0; c < k; c++) {
        const grad = (z[c] ?? 0) / sum - (c === ex.y ? 1 : 0)
        gb[c] = (gb[c] ?? 0) + grad * grad
        b[c] = (b[c] ?? 0) - (RATE * grad) / Math.sqrt(gb[c] ?? 1)
        for (const f of ex.idx) {
          const p = f * k + c
          const gw = grad * ex.val + L2 * (w[p] ?? 0)
          g[p] = (g[p] ?? 0) + gw * gw
          w[p] = (w[p] ?? 0) - (RATE * gw) / Math.sqrt(g[p] ?? 1)
        }
      }
    }
  }
  return { w, b }
}

/** The score above which only `share` of the harmless items lie. */
function quantile(neg: number[], share: number): number {
  const s = [...neg].sort((a, b) => b - a)
  const i = Math.min(s.length - 1, Math.floor(share * s.length))
  return Math.min(0.99, Math.max(0.5, (s[i] ?? 0.5) + 1e-6))
}

function leb128(n: number, out: number[]): void {
  let v = n
  do {
    let byte = v & 0x7f
    v >>>= 7
    if (v !== 0) byte |= 0x80
    out.push(byte)
  } while (v !== 0)
}

function store(m: Trained, thresholds: StoredModel['thresholds']): StoredModel {
  const k = CLASSES.length
  const strength: [number, number][] = []
  for (let f = 0; f < OPTIONS.buckets; f++) {
    let s = 0
    for (let c = 0; c < k; c++) s = Math.max(s, Math.abs(m.w[f * k + c] ?? 0))
    if (s > 0) strength.push([f, s])
  }
  strength.sort((a, b) => b[1] - a[1])
  const kept = strength.slice(0, KEEP).map(([f]) => f).sort((a, b) => a - b)
  let maxAbs = 0
  for (const f of kept) for (let c = 0; c < k; c++) maxAbs = Math.max(maxAbs, Math.abs(m.w[f * k + c] ?? 0))
  const scale = maxAbs / 127
  const index: number[] = []
  const weights = new Int8Array(kept.length * k)
  let prev = 0
  kept.forEach((f, row) => {
    leb128(f - prev, index)
    prev = f
    for (let c = 0; c < k; c++) weights[row * k + c] = Math.round((m.w[f * k + c] ?? 0) / scale)
  })
  return {
    $comment: 'Written by scripts/train-crisis.ts (npm run train:crisis) from eval/crisis-train.jsonl, statements.jsonl and dev.jsonl. Do not edit by hand.',
    version: 1,
    ...OPTIONS,
    classes: [...CLASSES],
    scale: Number(scale.toPrecision(6)),
    bias: Array.from(m.b, (v) => Number(v.toFixed(5))),
    index: Buffer.from(index).toString('base64'),
    weights: Buffer.from(weights.buffer).toString('base64'),
    thresholds,
  }
}

function main(): void {
  const items = ['eval/crisis-train.jsonl', 'eval/statements.jsonl', 'eval/dev.jsonl'].flatMap((f) => load(resolve(pkg, f)))
  // Out-of-fold scores of the original items give honest thresholds.
  const folds = 5
  const negScores: number[] = []
  const posScores: number[] = []
  for (let f = 0; f < folds; f++) {
    const trainItems = items.filter((_, i) => i % folds !== f)
    const testItems = items.filter((_, i) => i % folds === f)
    // Scored through the stored form (pruned and quantised), exactly as the screen will run it.
    const m = loadModel(store(train(expand(trainItems, 7 + f), 11 + f), { checkIn: 1, alarm: 1 }))
    for (const it of testItems) (it.crisis === null ? negScores : posScores).push(predict(m, normalisedText(crisisTokens(it.text))).crisis)
    process.stdout.write(`fold ${f + 1}/${folds}\n`)
  }
  const thresholds = { checkIn: quantile(negScores, CHECK_IN_FALSE_ALARMS), alarm: quantile(negScores, ALARM_FALSE_ALARMS) }
  const recall = (t: number): string => `${((posScores.filter((p) => p >= t).length / posScores.length) * 100).toFixed(1)} %`
  console.log(`cross-validated: check-in from ${thresholds.checkIn.toFixed(3)} (recall ${recall(thresholds.checkIn)}), alarm from ${thresholds.alarm.toFixed(3)} (recall ${recall(thresholds.alarm)})`)
  const final = train(expand(items, 3), 5)
  const model = store(final, { checkIn: Number(thresholds.checkIn.toFixed(4)), alarm: Number(thresholds.alarm.toFixed(4)) })
  const path = resolve(pkg, 'data/crisis/model.json')
  writeFileSync(path, `${JSON.stringify(model, null, 1)}\n`)
  console.log(`wrote ${path}: ${KEEP} buckets, ${(JSON.stringify(model).length / 1024).toFixed(1)} kB`)
}

main()
