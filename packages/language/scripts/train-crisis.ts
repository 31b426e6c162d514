// Trains the crisis classifier on the labelled crisis sets (SOURCES below: crisis-train.jsonl, the
// train split of crisis-round3.jsonl, the round-2 probes) plus the older labelled sets
// eval/statements.jsonl and eval/dev.jsonl, whose everyday strength statements teach it what
// ordinary writing looks like, and writes data/crisis/model.json.
//
//   npm run train:crisis
//
// Softmax regression over hashed character n-grams and words (see src/screen/classifier.ts),
// trained with AdaGrad and L2. Every item is also seen in two noisy copies (chat spelling,
// missing spaces, typing slips), so the model learns the signal, not the spelling. The
// thresholds come from 5-fold cross-validation on that training data: the dev split of
// crisis-round3.jsonl is never read here, so the classifier's figures there are out of sample;
// blind sets are never read at all.
//   npm run train:crisis -- --dry --oof /tmp/oof.json   cross-validate only, write out-of-fold scores
// Deterministic: a fixed seed, so the same data gives the same file.

import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { loadModel, predict, recognised } from '../src/screen/classifier'
import { crisisTokens, normalisedText } from '../src/screen/normalise'
import { ALARM_LOOKALIKES, CHECK_IN_FLOOR, CHECK_IN_LOOKALIKES, expand, KEEP, lowQuantile, MIN_KNOWN, pkg, PRIOR, promptItems, quantile, QUIET_CRISIS, store, train, trainingItems } from './crisis-training'

function main(): void {
  const items = trainingItems()
  console.log(`${items.length} items, ${promptItems().length} of them the assistant's own words`)
  const oofAt = process.argv.indexOf('--oof')
  const oof: Record<string, number> = {}
  const known: Record<string, number> = {}
  // Out-of-fold scores of the original items give honest thresholds.
  const folds = 5
  const negScores: number[] = []
  const lookalikeScores: number[] = []
  const posScores: number[] = []
  // Out of fold, with how many features each text has that the model knows (see MIN_KNOWN).
  const scored: { p: number; known: number; crisis: boolean; everyday: boolean; lookalike: boolean }[] = []
  for (let f = 0; f < folds; f++) {
    const trainItems = items.filter((_, i) => i % folds !== f)
    const testItems = items.filter((_, i) => i % folds === f)
    // Scored through the stored form (pruned and quantised), exactly as the screen will run it.
    const m = loadModel(store(train(expand(trainItems, 7 + f), 11 + f), { checkIn: 1, alarm: 1, quiet: 0, minKnown: MIN_KNOWN }))
    for (const it of testItems) {
      const text = normalisedText(crisisTokens(it.text))
      const p = predict(m, text).crisis
      oof[it.id] = p
      known[it.id] = recognised(m, text)
      ;(it.crisis === null ? negScores : posScores).push(p)
      const lookalike = it.crisis === null && /\/crisis-/.test(it.file ?? '')
      if (lookalike) lookalikeScores.push(p)
      scored.push({ p, known: recognised(m, text), crisis: it.crisis !== null, everyday: /\/everyday-|^prompts$/.test(it.file ?? ''), lookalike })
    }
    process.stdout.write(`fold ${f + 1}/${folds}\n`)
  }
  const thresholds = { checkIn: Math.max(CHECK_IN_FLOOR, quantile(lookalikeScores, CHECK_IN_LOOKALIKES)), alarm: quantile(lookalikeScores, ALARM_LOOKALIKES), quiet: lowQuantile(posScores, QUIET_CRISIS), minKnown: MIN_KNOWN }
  const share = (xs: number[], t: number): string => `${((xs.filter((p) => p >= t).length / xs.length) * 100).toFixed(1)} %`
  console.log(`cross-validated: check-in from ${thresholds.checkIn.toFixed(3)} (recall ${share(posScores, thresholds.checkIn)}, look-alikes ${share(lookalikeScores, thresholds.checkIn)}, all harmless ${share(negScores, thresholds.checkIn)})`)
  console.log(`  alarm from ${thresholds.alarm.toFixed(3)} (recall ${share(posScores, thresholds.alarm)}, look-alikes ${share(lookalikeScores, thresholds.alarm)}); quiet below ${thresholds.quiet.toFixed(3)}`)
  // The classifier alone, as the screen lets it speak: from checkIn, on at least MIN_KNOWN known features.
  const alone = (xs: typeof scored): string => `${xs.filter((x) => x.p >= thresholds.checkIn && x.known >= MIN_KNOWN).length} / ${xs.length}`
  console.log(`  alone (>= ${MIN_KNOWN} known features): crisis ${alone(scored.filter((x) => x.crisis))}, look-alikes ${alone(scored.filter((x) => x.lookalike))}, short everyday text ${alone(scored.filter((x) => x.everyday))}`)
  console.log(`  crisis items with fewer than ${MIN_KNOWN} known features: ${scored.filter((x) => x.crisis && x.known < MIN_KNOWN).length}; an empty text scores ${PRIOR}`)
  if (process.argv.includes('--grid')) {
    for (const t of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45]) {
      for (const k of [0, 32]) {
        const at = (xs: typeof scored): string => `${((xs.filter((x) => x.p >= t && x.known >= k).length / xs.length) * 100).toFixed(1)} %`
        console.log(`  >= ${t} known >= ${k}: crisis ${at(scored.filter((x) => x.crisis))}, look-alikes ${at(scored.filter((x) => x.lookalike))}, everyday ${at(scored.filter((x) => x.everyday))}, other harmless ${at(scored.filter((x) => !x.crisis && !x.lookalike && !x.everyday))}`)
      }
    }
  }
  // Out-of-fold scores, to choose how the screen combines rules and classifier without in-sample figures.
  const oofPath = oofAt >= 0 ? process.argv[oofAt + 1] : undefined
  if (oofPath) writeFileSync(oofPath, JSON.stringify({ score: oof, known }))
  if (process.argv.includes('--dry')) return
  const final = train(expand(items, 3), 5)
  const model = store(final, { checkIn: Number(thresholds.checkIn.toFixed(4)), alarm: Number(thresholds.alarm.toFixed(4)), quiet: Number(thresholds.quiet.toFixed(4)), minKnown: MIN_KNOWN })
  const path = resolve(pkg, 'data/crisis/model.json')
  writeFileSync(path, `${JSON.stringify(model, null, 1)}\n`)
  console.log(`wrote ${path}: ${KEEP} buckets, ${(JSON.stringify(model).length / 1024).toFixed(1)} kB`)
}

main()
