// Trains the crisis classifier on every labelled crisis set (scripts/crisis-training.ts: SOURCES,
// and since round 5 the four measured sets 1-4, MEASURED_SETS) plus the older labelled sets
// eval/statements.jsonl and eval/dev.jsonl, whose everyday strength statements teach it what
// ordinary writing looks like, and writes data/crisis/model.json.
//
//   npm run train:crisis
//
// Softmax regression over hashed character n-grams and words (see src/screen/classifier.ts),
// trained with AdaGrad and L2. Every item is also seen in noisy copies (chat spelling, missing
// spaces, typing slips), so the model learns the signal, not the spelling. The thresholds
// (ROUND5) were chosen by leave-one-set-out (npm run loso:crisis); a blind set is never read.
//   npm run train:crisis -- --cv                         5-fold cross-validation report at those thresholds
//   npm run train:crisis -- --cv --dry --oof /tmp/oof.json   the same, no model written, out-of-fold scores saved
// Deterministic: a fixed seed, so the same data gives the same file.

import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadModel, predict, type Thresholds } from '../src/screen/classifier'
import { crisisTokens, normalisedText } from '../src/screen/normalise'
import { expand, KEEP, MIN_KNOWN, pkg, PRIOR, promptItems, ROUND5, SHORT_CHECK_IN, SHORT_KNOWN, trainingItems, type Item } from './crisis-training'
import { store, train } from './crisis-model'

/** Out-of-fold scores of the training items, reported at the shipped thresholds. */
function crossValidate(items: Item[], t: Thresholds): void {
  const folds = 5
  const oof: Record<string, number> = {}
  const known: Record<string, number> = {}
  const scored: { p: number; known: number; crisis: boolean; everyday: boolean; lookalike: boolean }[] = []
  for (let f = 0; f < folds; f++) {
    const trainItems = items.filter((_, i) => i % folds !== f)
    // Scored through the stored form (pruned and quantised), exactly as the screen will run it.
    const m = loadModel(store(train(expand(trainItems, 7 + f), 11 + f), t))
    items.forEach((it, i) => {
      if (i % folds !== f) return
      const p = predict(m, normalisedText(crisisTokens(it.text)))
      oof[`${it.file ?? ''}#${it.id}`] = p.crisis
      known[`${it.file ?? ''}#${it.id}`] = p.known
      scored.push({ p: p.crisis, known: p.known, crisis: it.crisis !== null, everyday: /\/everyday-/.test(it.file ?? '') || it.file === 'prompts', lookalike: it.crisis === null && /\/crisis-/.test(it.file ?? '') })
    })
    process.stdout.write(`fold ${f + 1}/${folds}\n`)
  }
  // The classifier alone, as the screen lets it speak: from checkIn, on at least MIN_KNOWN known features.
  const alone = (xs: typeof scored): string => `${xs.filter((x) => x.p >= t.checkIn && x.known >= MIN_KNOWN).length} / ${xs.length}`
  console.log(`out of fold, the classifier alone from ${t.checkIn} on >= ${MIN_KNOWN} known features: crisis ${alone(scored.filter((x) => x.crisis))}, look-alikes ${alone(scored.filter((x) => x.lookalike))}, short everyday text ${alone(scored.filter((x) => x.everyday))}`)
  console.log(`  crisis items with fewer than ${MIN_KNOWN} known features: ${scored.filter((x) => x.crisis && x.known < MIN_KNOWN).length}; an empty text scores ${PRIOR}`)
  const oofAt = process.argv.indexOf('--oof')
  const oofPath = oofAt >= 0 ? process.argv[oofAt + 1] : undefined
  if (oofPath) writeFileSync(oofPath, JSON.stringify({ score: oof, known }))
}

function main(): void {
  const items = trainingItems()
  console.log(`${items.length} items, ${promptItems().length} of them the assistant's own words`)
  const thresholds: Thresholds = { ...ROUND5, minKnown: MIN_KNOWN, shortKnown: SHORT_KNOWN, shortCheckIn: SHORT_CHECK_IN }
  if (process.argv.includes('--cv')) crossValidate(items, thresholds)
  if (process.argv.includes('--dry')) return
  const model = store(train(expand(items, 3), 5), thresholds)
  const path = resolve(pkg, 'data/crisis/model.json')
  writeFileSync(path, `${JSON.stringify(model, null, 1)}\n`)
  console.log(`wrote ${path}: ${KEEP} buckets, ${(JSON.stringify(model).length / 1024).toFixed(1)} kB`)
}

main()
