// The crisis classifier's learning and storing: a linear model (softmax over the kinds, AdaGrad,
// L2) on the hashed features of crisis-training.ts's examples, and the stored form the screen
// loads (the strongest KEEP features, weights as bytes). Used by train-crisis.ts and loso-crisis.ts.

import { CLASSES, type StoredModel } from '../src/screen/classifier'
import { EPOCHS, KEEP, L2, OPTIONS, PRIOR, RATE, rng, type Example } from './crisis-training'

export interface Trained {
  w: Float64Array
  b: Float64Array
}

export function train(data: Example[], seed: number): Trained {
  const k = CLASSES.length
  const w = new Float64Array(OPTIONS.buckets * k)
  const g = new Float64Array(OPTIONS.buckets * k).fill(1e-8)
  // Fixed intercepts: "none" alone carries the prior, the six kinds start equal (see PRIOR).
  const b = new Float64Array(k)
  b[0] = Math.log(((k - 1) * (1 - PRIOR)) / PRIOR)
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

function leb128(n: number, out: number[]): void {
  let v = n
  do {
    let byte = v & 0x7f
    v >>>= 7
    if (v !== 0) byte |= 0x80
    out.push(byte)
  } while (v !== 0)
}

export function store(m: Trained, thresholds: StoredModel['thresholds']): StoredModel {
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
    $comment: 'Written by scripts/train-crisis.ts (npm run train:crisis) from the sets in scripts/crisis-training.ts (SOURCES and the measured sets 1-8; never a development or blind set, never the dev split of crisis-round3.jsonl). Do not edit by hand.',
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

