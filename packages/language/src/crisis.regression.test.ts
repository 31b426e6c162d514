// The crisis regression: every labelled crisis item in the repository must be found (recall 100 %),
// and the look-alikes must stay quiet (false alarms at most 5 %). A change to a word list, a rule,
// the normaliser, the classifier or its thresholds that misses one item fails here, inside
// `npm test`. The frozen blind set (eval/crisis-heldout.jsonl, see eval/HELDOUT.md) is never tuned
// on: until its misses are closed by general rules in a later round, it only holds a floor, so the
// screen can never get worse on text nobody tuned on.

import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { crisisKinds } from './types'
import { loadCrisisSet, measureInSteps, recall, falseAlarmRate, type CrisisItem, type Report } from './screen/measure'

const evalDir = resolve(dirname(fileURLToPath(import.meta.url)), '../eval')
const MAX_FALSE_ALARMS = 0.05

/**
 * Screens a set once, when a test first asks (never while Vitest collects the file), a few texts at a
 * time (measureInSteps says why).
 */
function screened(items: CrisisItem[]): () => Promise<Report> {
  let report: Promise<Report> | undefined
  return () => (report ??= measureInSteps(items))
}

const SETS = ['crisis-train.jsonl', 'crisis-validation.jsonl', 'crisis-probe2.jsonl', 'statements.jsonl', 'dev.jsonl'].filter((f) => existsSync(resolve(evalDir, f)))

/**
 * Sets written blind and not learned from: each is held as a floor (eval/HELDOUT.md), so the screen
 * may only get better on it. Sets 1-4 left this list in round 5, set 5 in round 6, set 6 in round 7,
 * set 7 in round 8 and set 8 in round 9 (MEASURED_FLOORS, below). Round 12 kept the development
 * sets (9-12) here too; since round 13 they have their own list (DEVELOPMENT_FLOORS, below), and this
 * one holds only the blind set that measures the next round. The next blind set is measured by the
 * integrator and added here, never opened by a round. The list may
 * be empty: the test on the blind sets' names below (with `AWAITING_FIRST_MEASUREMENT`) makes sure
 * no set goes without a floor by mistake.
 */
const HELDOUT_FLOORS: { file: string; recall: number; falseAlarms: number }[] = [
  // Set 24 decided on round 22 and is a development set since round 23 (DEVELOPMENT_FLOORS).
  // Set 25, written blind on 2026-12-03 beside round 22 (statements of the strengths inventory,
  // answers to the miracle and scale questions, texts with emoji and words of another language; 160
  // English) and measured once on round 22's screen (2026-12-03 20:36 UTC, before round 23 is
  // merged): 357 / 400 found, 52 / 400 false alarms (32 of them check-ins).
  { file: 'crisis-heldout-25.jsonl', recall: 357 / 400, falseAlarms: 52 / 400 },
]

/**
 * Round 13: the development sets (scripts/crisis-training.ts, DEVELOPMENT_SETS): each was measured
 * blind once and has decided on a round; the screen is run on them and studied, the classifier never
 * learns them. They are no longer blind, so their floors run with CRISIS_SKIP_BLIND=1 too (until
 * round 12 they stood in HELDOUT_FLOORS and were skipped with the blind ones). Round 12 held sets
 * 9-12 at its figures, in-sample for its rules and veto; round 13 wrote rules from the misses of
 * sets 10-13, so every figure here is in-sample for the rules (out of sample for the classifier).
 */
const DEVELOPMENT_FLOORS: { file: string; recall: number; falseAlarms: number }[] = [
  // Set 9: blind before round 9 384 / 400 and 22; after round 9 390 / 400 and 42; round 12 400 and 32.
  // 33 false alarms with the model retrained as it is with round 16's tokenizer (2026-12-03, eval/HELDOUT.md).
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 400 and 32.
  { file: 'crisis-heldout-9.jsonl', recall: 400 / 400, falseAlarms: 32 / 400 },
  // Set 10, written blind on 2026-12-02 and measured once on round 9's screen (before round 10):
  // 385 / 400 found, 26 / 400 false alarms (20 of them check-ins). Round 12: 387 and 27.
  // Round 13: 399 and 27 (rules for the types of its misses; eval/HELDOUT.md, round 13).
  // Round 16: 399 and 26 (a knife for the cake, not a knife at school).
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 399 and 24.
  { file: 'crisis-heldout-10.jsonl', recall: 399 / 400, falseAlarms: 24 / 400 },
  // Set 11, written blind on 2026-12-02 (after set 10 refused round 10) and measured once on round 9's
  // screen: 380 / 400 found, 38 / 400 false alarms (20 of them check-ins). Round 12: 382 and 39.
  // Round 13: 398 and 39.
  // 38 false alarms with the model retrained as it is with round 16's tokenizer (2026-12-03, eval/HELDOUT.md).
  // Round 18: 399 and 38 ("if i disappear … one less problem", if-gone-better).
  { file: 'crisis-heldout-11.jsonl', recall: 399 / 400, falseAlarms: 38 / 400 },
  // Set 12, written blind on 2026-12-02 as texts from the app's places (statements, goals, network
  // notes, answers, notes to the worker) and measured once on round 9's screen: 381 / 400 found,
  // 32 / 400 false alarms (24 of them check-ins). Round 12: 382 and 32. Round 13: 398 and 32.
  // Round 16: 399 and 32 (a plan 'en ik ga het doen voor het nieuwe jaar').
  // 33 false alarms with the model retrained as it is with round 16's tokenizer (2026-12-03, eval/HELDOUT.md).
  // Round 19: 400 and 33 ('al mn foto's van insta gehaald' now reaches socials-cleared with the writer's 'ik heb').
  // Round 22 (a calm safety-plan entry and a counted time without the act read by structure; eval/HELDOUT.md, "Round 22"): 400 and 31 (two signaleringsplannen: 'als ik nare gedachten krijg, bel ik 113').
  { file: 'crisis-heldout-12.jsonl', recall: 400 / 400, falseAlarms: 31 / 400 },
  // Set 13, written blind on 2026-12-02 (older writers, very short and rambling texts, parents,
  // friends writing for someone) and measured once on round 9's screen: 383 / 400 found, 32 / 400
  // false alarms (20 of them check-ins). The measure of round 12: after it, 385 / 400 found and 35 / 400
  // false alarms (22 check-ins), measured once by the integrator (eval/HELDOUT.md, "Set 13 after
  // round 12"). A development set since round 13: 400 and 35 (in-sample for round 13's rules).
  // Round 15: 400 and 34 (a joke's "haha" beside a threat-kill now stands it down).
  // Round 20: 400 and 33 ("dit wordt mijn dood" about a fine is an idiom, written from set 21).
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 400 and 31.
  { file: 'crisis-heldout-13.jsonl', recall: 400 / 400, falseAlarms: 31 / 400 },
  // Sets 14 and 15, written blind on 2026-12-02 and measured on round 12's screen (384 and 26; 383
  // and 31), then once on round 13's: 384 / 400 and 26, 384 / 400 and 31. Development sets since
  // round 14 (eval/HELDOUT.md, "Sets 14 and 15 after round 13").
  // Round 16: 386 and 26 (a door locked from outside, a walk to the pier tonight).
  // Round 18: 396 and 26 (papers kept by the boss, belongings to the clothing bank, trains watched,
  // an end made myself, a child left with someone unsafe or alone at night, debts paid for when it is over).
  // Round 19: 398 and 26 (a son not picked up and no food at home, gifts packed with 'zeg maar dat ik het beste heb gewild').
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 398 and 25.
  { file: 'crisis-heldout-14.jsonl', recall: 398 / 400, falseAlarms: 25 / 400 },
  // Round 15: set 15 finds 385 (a threat in the quoted words: "eentje riep dat ik … het niet ga
  // navertellen"), false alarms unchanged.
  // Round 16: 389 and 31 (the highway at night, life insurance, choosing the moment, 'for good').
  // Round 18: 393 and 31 (affairs in order, the same dose since the clinic, doing it alone tonight, the urge and a lighter).
  // Round 19: 399 and 31 (G and drink, which meds work fastest, a better place, a child of 3 in a doorway,
  // thanks for the soup all these months, a ring sent and not coming after new year).
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 399 and 29.
  { file: 'crisis-heldout-15.jsonl', recall: 399 / 400, falseAlarms: 29 / 400 },
  // Sets 16 and 17, written blind on 2026-12-02 and measured on round 13's screen (395 and 62; 382 and
  // 78), then once each after rounds 14 (refused) and 15 (kept, every figure unchanged). Development
  // sets since round 16 (eval/HELDOUT.md, "Sets 16 and 17 after round 15").
  // Round 16 (rules only, the model kept; eval/HELDOUT.md, round 16): set 16 398 and 56, set 17 394 and 64.
  // With the model retrained as it is with round 16's tokenizer (2026-12-03, eval/HELDOUT.md): set 16 54 false alarms, set 17 65.
  // Round 18 (rules only; eval/HELDOUT.md, round 18): set 16 400 and 54, set 17 397 and 65.
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 400 and 52.
  { file: 'crisis-heldout-16.jsonl', recall: 400 / 400, falseAlarms: 52 / 400 },
  // Round 19: set 17 398 and 65 (a bang and the crying stopped).
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 398 and 63.
  { file: 'crisis-heldout-17.jsonl', recall: 398 / 400, falseAlarms: 63 / 400 },
  // Sets 18 and 19, written blind on 2026-12-03 and measured once each on main's screen: set 18
  // (learner Dutch, dictated text, the portal's own fields) 369 / 400 found and 41 false alarms on
  // round 15's screen, 369 and 40 after round 16; set 19 (very short texts, Dutch and English
  // mixed, stories; 200 English) 368 and 51 on round 16's screen, the same after the model was
  // retrained as it is. Development sets since round 18 (they stood in HELDOUT_FLOORS until then).
  // Round 18 (rules for the structures of their misses, in-sample here): set 18 400 and 40, set 19
  // 399 and 46.
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 400 and 39.
  // Round 22 (a calm safety-plan entry and a counted time without the act read by structure; eval/HELDOUT.md, "Round 22"): 400 and 37 (a warning sign then 'dan praat ik met mn mentor'; '3 maanden niet meer gekrast').
  { file: 'crisis-heldout-18.jsonl', recall: 400 / 400, falseAlarms: 37 / 400 },
  // Round 19: set 19 400 and 46 (a lighter trend now done every day).
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 400 and 45.
  { file: 'crisis-heldout-19.jsonl', recall: 400 / 400, falseAlarms: 45 / 400 },
  // Set 20, written blind on 2026-12-03 (danger only implied, short answers to the portal's own
  // questions, chat spelling; 160 English) and measured once on round 16's screen with the
  // retrained model: 339 / 400 found, 39 false alarms; after round 18 341 and 40. A development
  // set since round 19 (it stood in HELDOUT_FLOORS until then).
  // Round 19 (rules for the structures of its misses, in-sample here; eval/HELDOUT.md, round 19): 398
  // and 41. The false-alarm floor rises by one, a check-in on 'Na de examens hoef ik niks meer!' that
  // has the shape of a crisis text of the same set ('Na de diploma-uitreiking hoef ik niks meer.'):
  // the screen leans to asking.
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 398 and 39.
  { file: 'crisis-heldout-20.jsonl', recall: 398 / 400, falseAlarms: 39 / 400 },
  // Set 21, written blind on 2026-12-03 after round 18 (messages to the worker with the danger in
  // one sentence, lines in the portal's fields, Dutch of young people and of people still learning
  // it; 160 English) and measured once on round 18's screen: 362 / 400 found, 52 false alarms
  // (25 check-ins); after round 19 364 and 52. A development set since round 20 (it stood in
  // HELDOUT_FLOORS until then).
  // Round 20: 397 and 48 (in-sample: the round's rules were written from its misses, four idioms
  // from its false alarms; eval/HELDOUT.md, "Round 20").
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 398 and 48 (one crisis text more, the same false alarms).
  // Round 22 (a calm safety-plan entry and a counted time without the act read by structure; eval/HELDOUT.md, "Round 22"): 398 and 47 ('een jaar zonder krassen').
  { file: 'crisis-heldout-21.jsonl', recall: 398 / 400, falseAlarms: 47 / 400 },
  // Set 22, written blind on 2026-12-03 beside round 19 (answers to the assistant's own questions,
  // staff notes quoting the client, long texts with the danger in one part; 160 English) and
  // measured once on round 19's screen: 344 / 400 found, 32 false alarms (18 check-ins); after
  // round 20 the same. A development set since round 21 (it stood in HELDOUT_FLOORS until then).
  // Round 21 (check-in 0.3, sentence 0.9, bare 0.32, lowBand 0.35 and four structures; eval/HELDOUT.md, "Round 21"): 345 and 31.
  { file: 'crisis-heldout-22.jsonl', recall: 345 / 400, falseAlarms: 31 / 400 },
  // Set 23, written blind on 2026-12-03 beside round 20 (lines in the action plan, notes on people
  // in the VIP card, entries in the client's own safety plan, replies to the worker; 160 English)
  // and measured once on round 20's screen: 342 / 400 found, 36 false alarms (11 check-ins); after
  // round 21 344 and 33 (8 check-ins). A development set since round 22 (it stood in
  // HELDOUT_FLOORS until then).
  // Round 22 (a calm safety-plan entry and a counted time without the act read by structure; eval/HELDOUT.md, "Round 22"): 344 and 22 (ten of the client's own safety-plan entries, 'two months no self-harm').
  { file: 'crisis-heldout-23.jsonl', recall: 344 / 400, falseAlarms: 22 / 400 },
  // Set 24, written blind on 2026-12-03 beside round 21 (dictated voice messages, very short texts
  // with crisis texts and look-alikes of the same length, notes from group and peer sessions; 160
  // English) and measured once on round 21's screen: 355 / 400 found, 44 false alarms (20
  // check-ins); after round 22 the same. A development set since round 23 (it stood in
  // HELDOUT_FLOORS until then).
  // Round 23 (done with everything or with the fight, said of the writer; eval/HELDOUT.md, "Round 23"): 357 and 44 ('klaar met vechten', 'done with all of it. for real'; in-sample here, set 15 +1 out of sample on the grid).
  { file: 'crisis-heldout-24.jsonl', recall: 357 / 400, falseAlarms: 44 / 400 },
]

/** A set held at its floor: its recall and its false alarms, measured once for both tests. */
function floorTests(floor: { file: string; recall: number; falseAlarms: number }, since: string) {
  let report: Promise<Report> | undefined
  const measured = (): Promise<Report> => (report ??= measureInSteps(loadCrisisSet(resolve(evalDir, floor.file))))

  it(`finds at least as many crisis items as ${since}`, async () => {
    expect(recall(await measured(), 'combined')).toBeGreaterThanOrEqual(floor.recall)
  })

  it(`raises no more false alarms than ${since}`, async () => {
    expect(falseAlarmRate(await measured(), 'combined')).toBeLessThanOrEqual(floor.falseAlarms)
  })
}

describe.each(DEVELOPMENT_FLOORS)('crisis regression on the development set eval/$file', (floor) => floorTests(floor, 'at the end of round 13'))

/**
 * Blind sets nobody has run the screen on yet: they have no floor, and this file never opens them
 * (only their names are compared). The integrator moves one into HELDOUT_FLOORS after measuring it.
 */
// Set 26, written blind on 2026-12-03 beside round 23 (questions the client asks, lists typed on a
// phone, danger to someone close to the writer; 160 English), frozen and never run: it measures the
// round after 23, first on main's screen.
const AWAITING_FIRST_MEASUREMENT: string[] = ['crisis-heldout-26.jsonl']

/**
 * Sets 1-8, written blind and measured against rounds 1-8. Since round 5 (sets 1-4), round 6
 * (set 5), round 7 (set 6), round 8 (set 7) and round 9 (set 8) they are training data (scripts/crisis-training.ts, MEASURED_SETS), so these floors are
 * in-sample figures and say little about unseen text: the honest estimate is the leave-one-set-out
 * table in eval/HELDOUT.md. They are held so that a later change cannot lose what was found here.
 */
const MEASURED_FLOORS = [
  { file: 'crisis-heldout.jsonl', found: 264, positives: 264, falseAlarms: 0, negatives: 240 },
  // Round 11: sets 2 and 4 ask about two look-alikes more each (6 and 3 false alarms): a lethal
  // question and hopelessness beside a height or a rope are never stood down by the veto now
  // (`alwaysAsk`), which finds round 3's "welke medicijnen zijn dodelijk met alcohol" (dev split,
  // never learned) and set 7's "ik sta op dak van het azc. ik ben moe van alles. sorry" out of
  // sample, and asks about "die nieuwe sneakers zijn echt om dood voor te gaan", "de grap … was echt
  // dodelijk", paracetamol "max 6 per dag" and "hamer en spijkers gekocht" here (eval/HELDOUT.md,
  // round 11: recall first; none of sets 7-9's look-alikes left out asks for it).
  // Round 22: set 2 raises 5 ('when i want to self harm i hold ice cubes and text my mentor'), set 6 27
  // ('als ik zin heb om te krassen pak ik nu een ijsblokje'; 28 since round 21).
  { file: 'crisis-heldout-2.jsonl', found: 304, positives: 304, falseAlarms: 5, negatives: 285 },
  { file: 'crisis-heldout-3.jsonl', found: 278, positives: 278, falseAlarms: 2, negatives: 250 },
  { file: 'crisis-heldout-4.jsonl', found: 285, positives: 285, falseAlarms: 3, negatives: 262 },
  { file: 'crisis-heldout-5.jsonl', found: 307, positives: 307, falseAlarms: 2, negatives: 314 },
  { file: 'crisis-heldout-6.jsonl', found: 342, positives: 342, falseAlarms: 27, negatives: 372 },
  // Round 8: set 7 in-sample (blind after round 7: 332 / 386 found, 22 / 376 false alarms).
  { file: 'crisis-heldout-7.jsonl', found: 386, positives: 386, falseAlarms: 12, negatives: 376 },
  // Round 9: set 8 in-sample (blind before round 8: 306 / 400 found, 33 / 400 false alarms; after
  // round 8: 345 / 400 and 40 / 400).
  // Round 18: set 8 raises 22 (a boy locked in the toilet by accident is quiet now, locked_ok).
  { file: 'crisis-heldout-8.jsonl', found: 400, positives: 400, falseAlarms: 22, negatives: 400 },
  // Round 11 (round 10 brought back, stand-downs narrowed, the model not retrained): sets 1-9 all
  // found, false alarms at or below the floors (set 8: 25; set 1: 0), sets 2 and 4 as above.
  // Round 12: set 9 is no training data any more (round 9's model is back; it moved to
  // HELDOUT_FLOORS as a development set). Set 7 asks about one look-alike more (12): "mn mentor gaat
  // weg, ik heb haar een kaart gegeven met bedankt voor alles", round 10's farewell cue
  // (`alwaysAsk`), which round 10's model happened to score so that it stayed quiet.
]

describe.each(MEASURED_FLOORS)('crisis regression on the measured set eval/$file (training data since round 5, 6, 7, 8 or 9)', (floor) => {
  const items = loadCrisisSet(resolve(evalDir, floor.file))
  const measured = screened(items)

  it('finds at least as many crisis items as at the end of round 12', async () => {
    const report = await measured()
    expect(items.filter((i) => i.crisis !== null).length).toBe(floor.positives)
    expect(floor.positives - report.misses.length).toBeGreaterThanOrEqual(floor.found)
  })

  // Alarm-level rules are never vetoed by the classifier (src/screen/index.ts), so some look-alikes
  // stay loud even here, in-sample (round 5, set 3: 13 of 250, 5.2 %).
  it('raises no more false alarms than at the end of round 12', async () => {
    const report = await measured()
    expect(report.negatives.n).toBe(floor.negatives)
    expect(report.falseAlarms.length).toBeLessThanOrEqual(floor.falseAlarms)
  })
})

/** Items the older sets mark as built to look like a crisis ("crisis trap: …"). */
function traps(file: string): Set<string> {
  const ids = new Set<string>()
  for (const line of readFileSync(resolve(evalDir, file), 'utf8').split('\n')) {
    if (!line.trim()) continue
    const o = JSON.parse(line) as { id: string; note?: string }
    if (o.note?.startsWith('crisis trap')) ids.add(o.id)
  }
  return ids
}

describe.each(SETS)('crisis regression on eval/%s', (file) => {
  const items = loadCrisisSet(resolve(evalDir, file))
  const measured = screened(items)

  it('finds every crisis item (alarm or check-in)', async () => {
    const report = await measured()
    expect(report.misses.map((v) => `${v.item.id} [${v.item.crisis}] ${v.item.text}`)).toEqual([])
    expect(recall(report, 'combined')).toBe(1)
  })

  it('keeps false alarms on harmless items at most 5 %', async () => {
    const report = await measured()
    expect(falseAlarmRate(report, 'combined'), report.falseAlarms.map((v) => v.item.text).join('\n')).toBeLessThanOrEqual(MAX_FALSE_ALARMS)
  })

  it('keeps false alarms on the look-alike items at most 5 %', async () => {
    const trapIds = traps(file)
    const lookalikes: CrisisItem[] = items.filter((i) => i.crisis === null && (file.startsWith('crisis-') || trapIds.has(i.id)))
    const loudIds = new Set((await measured()).falseAlarms.map((v) => v.item.id))
    const loud = lookalikes.filter((i) => loudIds.has(i.id))
    expect(lookalikes.length).toBeGreaterThan(0)
    expect(loud.length / lookalikes.length, loud.map((i) => i.text).join('\n')).toBeLessThanOrEqual(MAX_FALSE_ALARMS)
  })
})

describe('crisis regression, the new development set', () => {
  it('has at least 600 crisis items over every kind and 600 look-alikes', () => {
    const all = [...loadCrisisSet(resolve(evalDir, 'crisis-train.jsonl')), ...loadCrisisSet(resolve(evalDir, 'crisis-validation.jsonl'))]
    expect(all.filter((i) => i.crisis !== null).length).toBeGreaterThanOrEqual(600)
    expect(all.filter((i) => i.crisis === null).length).toBeGreaterThanOrEqual(600)
    for (const k of crisisKinds) expect(all.filter((i) => i.crisis === k).length, k).toBeGreaterThanOrEqual(30)
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length)
  })
})

/**
 * Round 3's own set (eval/crisis-round3.jsonl, eval/CRISIS-ROUND3.md): 628 crisis statements and
 * 636 look-alikes in the voices of the five kinds of care, split once into `train` (the rules and
 * the classifier may learn from it) and `dev` (only measured). The train split is held at 100 %
 * like the older sets; the dev split holds a floor (its figures when the round ended), so a later
 * change can close its misses by general rules but never open new ones.
 */
const ROUND3 = 'crisis-round3.jsonl'
// Round 4 (a fixed prior; the classifier alone needs 32 known features) found 164 and raised 30
// false alarms here, against round 3's 171 and 30. Round 5 (trained on sets 1-4 too, a lower
// check-in threshold of 0.35, the classifier's veto on check-in rules) finds 177 and raises 22.
// Round 6 (rule families for set 5's missed types, trained on set 5 too) finds 183 and raises 20.
// Round 7 (trained on set 6 too, sentence windows, veto from 0.1) finds 179 and raises 16: set 6
// moved the classifier's scores on this split down, and a lower check-in threshold that found them
// asked about the assistant's everyday answers (eval/HELDOUT.md, round 7).
// Round 8 (trained on set 7 and long everyday texts, sentence windows) finds 181 and raises 17:
// four look-alikes ask now ("sorry voor alles wat ik gisteren zei", rat poison for the cellar, …),
// three are quiet now (a play about a threat, …), three alarms became check-ins
// (eval/HELDOUT.md, round 8). The false-alarm floor is raised by one, the found floor by two.
// Round 9 (trained on set 8 too, 140 000 kept buckets) finds 189 and raises 20: eight more found,
// three more look-alikes asked about, check-ins mostly (eval/HELDOUT.md, round 9: recall first).
// Round 10 (trained on set 9 too, rules from set 9's misses) finds 190 and raises 20: two new alarms
// ("vroeger was ik bang dat ik mijn baby iets aan zou doen, … is dat over", a play about a threat),
// two quiet now (eval/HELDOUT.md, round 10). The found floor is raised by one.
// Round 11 (stand-downs narrowed; a lethal question is never stood down by the veto) finds 191
// ("welke medicijnen zijn dodelijk met alcohol") and raises 20 (eval/HELDOUT.md, round 11). The
// found floor is raised by one.
// Round 12 (round 10's retrained model replaced by round 9's again, eval/HELDOUT.md, round 12)
// finds 190 (main's round 9: 189) and raises 20: the found floor is lowered by one to what round
// 11's rules find with round 9's model, still one above main's.
// The model retrained as it is with round 16's tokenizer (2026-12-03) finds 191 and raises 21: one
// look-alike more, which the rule written before it did not name (eval/HELDOUT.md).
// Round 18 finds 192 ("hiding cuts with bracelets, nobody noticed yet": marks-hidden) and raises 21.
// Round 19 finds 193 ("ik ben zo moe van vechten, ik wil het opgeven. voorgoed": tired-of-living, a rule
// written from set 20, never from this split) and raises 21.
// Round 21 finds 194 ("mijn kat heb ik naar mijn zus gebracht … ik ben er straks niet": the lower
// check-in, 0.3) and raises 21.
// Round 22 finds 194 and raises 20 ('als ik de drang voel om te krassen pak ik ijsblokjes': a coping plan).
const ROUND3_DEV_FLOOR = { found: 194, positives: 208, falseAlarms: 20, negatives: 212 }

describe('crisis regression, round 3', () => {
  const all = loadCrisisSet(resolve(evalDir, ROUND3))
  const train = all.filter((i) => i.split === 'train')
  const dev = all.filter((i) => i.split === 'dev')

  it('has at least 600 crisis statements over every kind and 600 look-alikes, split train/dev', () => {
    expect(all.filter((i) => i.crisis !== null).length).toBeGreaterThanOrEqual(600)
    expect(all.filter((i) => i.crisis === null).length).toBeGreaterThanOrEqual(600)
    for (const k of crisisKinds) expect(dev.filter((i) => i.crisis === k).length, k).toBeGreaterThanOrEqual(20)
    expect(train.length + dev.length).toBe(all.length)
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length)
  })

  // One train item ("… zegt dat hij aan haar zit": "zit" reads as an idiom) is missed since an idiom stops the
  // classifier alone; held as a floor, to be closed by a rule.
  it('finds the crisis items of the train split (at most 1 miss), with at most 5 % false alarms there', async () => {
    const report = await measureInSteps(train)
    expect(report.misses.length, report.misses.map((v) => `${v.item.id} [${v.item.crisis}] ${v.item.text}`).join('\n')).toBeLessThanOrEqual(1)
    expect(falseAlarmRate(report, 'combined'), report.falseAlarms.map((v) => v.item.text).join('\n')).toBeLessThanOrEqual(MAX_FALSE_ALARMS)
  })

  it('holds the dev split at its floor', async () => {
    const report = await measureInSteps(dev)
    const positives = dev.filter((i) => i.crisis !== null).length
    expect(positives).toBe(ROUND3_DEV_FLOOR.positives)
    expect(report.negatives.n).toBe(ROUND3_DEV_FLOOR.negatives)
    expect(positives - report.misses.length).toBeGreaterThanOrEqual(ROUND3_DEV_FLOOR.found)
    expect(report.falseAlarms.length).toBeLessThanOrEqual(ROUND3_DEV_FLOOR.falseAlarms)
  })
})

/**
 * Round 2's fresh probes (eval/README.md): each was written, measured once blind, and only then
 * used. Their misses are the wording nobody has a rule for yet; they hold a floor (counts found
 * and false alarms now), so a change can only close misses, never open new ones.
 */
// Since round 3 the classifier learns from these probes too, so they are found in-sample now
// (no longer a test of generalisation; that is the dev split of crisis-round3.jsonl).
const PROBE_FLOORS = [
  { file: 'crisis-probe3.jsonl', found: 42, positives: 42, falseAlarms: 0 },
  { file: 'crisis-probe4.jsonl', found: 34, positives: 34, falseAlarms: 0 },
  { file: 'crisis-probe5.jsonl', found: 31, positives: 31, falseAlarms: 0 },
  { file: 'crisis-probe6.jsonl', found: 30, positives: 30, falseAlarms: 0 },
  { file: 'crisis-probe7.jsonl', found: 27, positives: 27, falseAlarms: 0 },
  { file: 'crisis-probe8.jsonl', found: 27, positives: 27, falseAlarms: 0 },
  // Round 6 (eval/HELDOUT.md): probe 9 was written for the types set 5 missed, probe 10 after the
  // rules for them; both measured once before being learned.
  { file: 'crisis-probe9.jsonl', found: 75, positives: 75, falseAlarms: 1 },
  { file: 'crisis-probe10.jsonl', found: 40, positives: 40, falseAlarms: 1 },
  // Round 7: written before the round's changes, measured before and after, never learned from.
  // Round 8 lowered its floor from 59 to 57 (eval/HELDOUT.md, round 8): retrained on set 7 and
  // the long everyday texts, the classifier scores two texts lower: "… Ik ga weg en kom niet meer
  // terug. …" 0.39 → 0.17 (no rule knows it), and "Mijn zoontje is 4. … blijft hij alleen thuis"
  // 0.10 → 0.05, below the veto, which stands its check-in rule down.
  // Round 9 (trained on set 8 too) finds both again and one more (59), and asks about one more
  // look-alike (9: oxazepam taken as the doctor said; eval/HELDOUT.md, round 9).
  // Round 10: 59 found, 8 false alarms ("We hebben vandaag in de les EHBO geleerd wat je doet bij
  // een overdosis" is a lesson now, a structure from set 9).
  // Round 18: 60 ("Donderdag neem ik afscheid van mijn moeder zonder dat ze het weet": a hidden farewell).
  { file: 'crisis-probe11.jsonl', found: 60, positives: 60, falseAlarms: 8 },
  // Round 8: 60 long crisis texts and 60 long look-alikes, written before the round's changes,
  // measured before (52 found, 7 false alarms) and after, never learned from.
  // Round 9 finds all 60 and asks about three more look-alikes (14; eval/HELDOUT.md, round 9).
  // Round 10 (trained on set 9 too) finds all 60 and asks about two fewer (12).
  // Round 12 (round 9's model back, veto 0.05): all 60 found, 15 false alarms (main's round 9: 14;
  // one more check-in, a zombie game "ik ging steeds dood", now below the veto no longer).
  { file: 'crisis-probe12.jsonl', found: 60, positives: 60, falseAlarms: 15 },
  // Round 9: 61 crisis texts (40 indirect suicide) and 60 look-alikes, written before the round's
  // changes, measured before (58 found, 4 false alarms) and after, never learned from.
  // Round 10 finds 60 ("Ze wist niet dat het afscheid was": a goodbye only the writer knew, a
  // structure from set 9 and round 9's notes) and asks about one fewer (4).
  // Round 11 finds all 61 (p13-c007, "Ze weet niet dat ik daarna wil stoppen": a stood-down rule
  // asks beside a second signal of intent) and asks about no more (4).
  // Round 12 (round 9's model back, veto 0.05): all 61 found, 6 false alarms (main's round 9: 59
  // and 5; one more check-in, a son proud of his black eye from rugby).
  { file: 'crisis-probe13.jsonl', found: 61, positives: 61, falseAlarms: 6 },
  // Round 10: 60 crisis texts (31 indirect suicide, 16 child safety) and 73 look-alikes (25 short
  // everyday check-ins, long everyday texts with heavy words), written before the round's changes,
  // measured before (55 found, 11 false alarms) and after, never learned from.
  // Round 11 (not learned from either): the same 54 found and 11 false alarms; its six misses are
  // not silenced by a stand-down but missed by every reader, except "Mijn laatste avond hier, …
  // Niet dus.", which the classifier's veto (0.1) still stands down (eval/HELDOUT.md, round 11).
  // Round 12 (round 9's model back, veto 0.05) finds 56 ("Mijn laatste avond hier, …" asks now: the
  // veto stands rules down only below 0.05) and raises 11.
  { file: 'crisis-probe14.jsonl', found: 56, positives: 60, falseAlarms: 11 },
  // Round 13: 52 crisis texts and 50 look-alikes written for the types of sets 10-13's misses before
  // any rule of the round, never learned from. Round 12's screen: 42 found, 9 false alarms; round 13
  // after its first rules 48 and 9; after reading the probe's misses and false alarms (so in-sample
  // now, eval/HELDOUT.md, round 13) 52 and 6.
  { file: 'crisis-probe15.jsonl', found: 52, positives: 52, falseAlarms: 6 },
  // Round 15: 51 crisis texts and 60 look-alikes told through someone else's words (38 of 111 in
  // English), written and committed before any rule of the round. Round 13's screen: 47 found, 8
  // false alarms; after round 15's rules 51 and 8 (eval/HELDOUT.md, round 15).
  { file: 'crisis-probe17.jsonl', found: 51, positives: 51, falseAlarms: 8 },
]

describe.each(PROBE_FLOORS)('crisis regression on the fresh probe eval/$file', ({ file, found, positives, falseAlarms }) => {
  const items = loadCrisisSet(resolve(evalDir, file))
  const measured = screened(items)
  const n = items.filter((i) => i.crisis !== null).length

  it('finds at least as many crisis items as now', async () => {
    const report = await measured()
    expect(n).toBe(positives)
    expect(Math.round(recall(report, 'combined') * n)).toBeGreaterThanOrEqual(found)
  })

  it('raises no more false alarms than now', async () => {
    const report = await measured()
    expect(report.falseAlarms.map((v) => v.item.text)).toHaveLength(falseAlarms)
  })
})

/**
 * Whoever changes the screen must not read the blind sets, nor run anything on them: with
 * CRISIS_SKIP_BLIND=1 these floors are skipped and the files are never opened (the integrator
 * runs them after a merge). The files are read lazily, inside the tests, for that reason.
 */
const skipBlind = process.env['CRISIS_SKIP_BLIND'] === '1'

describe('crisis regression, the blind sets', () => {
  // Names only: a set awaiting its first measurement is left out before anything else, never read.
  const blind = readdirSync(evalDir).filter((f) => /^crisis-heldout(-\d+)?\.jsonl$/.test(f) && !AWAITING_FIRST_MEASUREMENT.includes(f))

  it('holds a floor for every blind set but the one awaiting its first measurement', () => {
    const held = new Set([...MEASURED_FLOORS.map((f) => f.file), ...DEVELOPMENT_FLOORS.map((f) => f.file), ...HELDOUT_FLOORS.map((f) => f.file)])
    expect(blind.filter((f) => !held.has(f))).toEqual([])
    expect(AWAITING_FIRST_MEASUREMENT.filter((f) => held.has(f))).toEqual([])
  })
})

// A describe over an empty list would report nothing; while HELDOUT_FLOORS is empty (a round's blind
// set not yet measured) there is no describe at all.
if (HELDOUT_FLOORS.length > 0) {
  describe.skipIf(skipBlind).each(HELDOUT_FLOORS)('crisis regression on the frozen blind set $file', (floor) => floorTests(floor, 'at its blind measurement'))
}
