import { and, desc, eq } from 'drizzle-orm'
import { evaluationAnswers, evaluations, signatures, users, type Evaluation } from '@kracht/db'
import type { Locale } from '@kracht/language'
import { evaluationItems, phaseOf, type EvaluationItem } from '@kracht/trajectory'
import { AppError } from '../../lib/app-error'
import type { Deps } from '../../lib/env'
import { screenTexts } from '../safety-screen'
import { contentHash } from '../signatures'
import { currentPhase } from './trajectory'

/**
 * An evaluation together (*samen terugkijken*) at an evaluation phase: client and worker each answer
 * every item of the method's checklist in their own words, side by side, and then both sign. Each
 * side writes only its own answers; both read both. A signature binds to the hash of all answers,
 * so an answer changed after signing shows as "changed since signed". Once both signatures hold,
 * the evaluation is closed and stays readable as it was.
 */

export type EvaluationSide = 'client' | 'worker'

export interface AnswerView {
  text: string
  version: number
  authorName: string | null
  updatedAt: string
}

export interface SignatureView {
  signerRole: EvaluationSide
  signerName: string
  signedAt: string
  /** False: an answer changed since this signature. */
  current: boolean
}

const byItem = (item: string) => evaluationItems.indexOf(item as EvaluationItem)

async function findEvaluation(deps: Deps, clientId: string, evaluationId: string): Promise<Evaluation> {
  const [row] = await deps.db
    .select()
    .from(evaluations)
    .where(and(eq(evaluations.id, evaluationId), eq(evaluations.clientId, clientId)))
  if (!row) throw new AppError('not_found', 'No such evaluation.')
  return row
}

async function answersOf(deps: Deps, evaluationId: string) {
  return deps.db
    .select({ answer: evaluationAnswers, authorName: users.displayName })
    .from(evaluationAnswers)
    .leftJoin(users, eq(users.id, evaluationAnswers.authorId))
    .where(eq(evaluationAnswers.evaluationId, evaluationId))
}

/** The hash both sides sign: every answer, in the checklist's order, client before worker. */
function hashOf(rows: { item: string; authorRole: string; text: string }[]): string {
  const canonical = [...rows]
    .sort((a, b) => byItem(a.item) - byItem(b.item) || a.authorRole.localeCompare(b.authorRole))
    .map((row) => [row.item, row.authorRole, row.text])
  return contentHash({ document: 'evaluation', answers: canonical })
}

/** Each side's latest signature on this evaluation, newest first per signer role. */
async function latestSignatures(deps: Deps, clientId: string, evaluationId: string) {
  const rows = await deps.db
    .select({ signature: signatures, name: users.displayName })
    .from(signatures)
    .innerJoin(users, eq(users.id, signatures.signerId))
    .where(and(eq(signatures.clientId, clientId), eq(signatures.document, 'evaluation'), eq(signatures.subjectId, evaluationId)))
    .orderBy(desc(signatures.signedAt))
  const seen = new Set<string>()
  return rows.filter((row) => (seen.has(row.signature.signerRole) ? false : (seen.add(row.signature.signerRole), true)))
}

export async function getEvaluation(deps: Deps, clientId: string, evaluationId: string) {
  const evaluation = await findEvaluation(deps, clientId, evaluationId)
  const [rows, signed] = await Promise.all([answersOf(deps, evaluation.id), latestSignatures(deps, clientId, evaluation.id)])
  const hash = hashOf(rows.map((row) => row.answer))
  const answer = (item: string, side: EvaluationSide): AnswerView | null => {
    const found = rows.find((row) => row.answer.item === item && row.answer.authorRole === side)
    return found
      ? { text: found.answer.text, version: found.answer.version, authorName: found.authorName ?? null, updatedAt: found.answer.updatedAt.toISOString() }
      : null
  }
  const signatureViews: SignatureView[] = signed.map(({ signature, name }) => ({
    signerRole: signature.signerRole,
    signerName: name,
    signedAt: signature.signedAt.toISOString(),
    current: signature.contentHash === hash,
  }))
  const items = evaluationItems.map((item) => ({ item, client: answer(item, 'client'), worker: answer(item, 'worker') }))
  return {
    id: evaluation.id,
    phase: evaluation.phase,
    createdAt: evaluation.createdAt.toISOString(),
    contentHash: hash,
    items,
    complete: items.every((row) => row.client !== null && row.worker !== null),
    signatures: signatureViews,
    closed: isClosed(signatureViews),
  }
}

const isClosed = (signed: readonly SignatureView[]) => (['client', 'worker'] as const).every((side) => signed.some((s) => s.signerRole === side && s.current))

/** Every evaluation of the client, newest first, with whether both signatures hold. */
export async function listEvaluations(deps: Deps, clientId: string) {
  const rows = await deps.db.select().from(evaluations).where(eq(evaluations.clientId, clientId)).orderBy(desc(evaluations.createdAt))
  const views = await Promise.all(rows.map((row) => getEvaluation(deps, clientId, row.id)))
  const now = await currentPhase(deps, clientId)
  const inEvaluationPhase = now ? (phaseOf(now.trajectory.model, now.phase)?.evaluation ?? false) : false
  return {
    phase: now?.phase ?? null,
    // A new evaluation can start in an evaluation phase that has none yet.
    canStart: inEvaluationPhase && !rows.some((row) => row.trajectoryId === now?.trajectory.id && row.phase === now?.phase),
    evaluations: views.map(({ id, phase, createdAt, complete, signatures: signed, closed }) => ({ id, phase, createdAt, complete, signatures: signed, closed })),
  }
}

/** The linked worker opens the evaluation of the current phase; only in an evaluation phase, once per phase. */
export async function startEvaluation(deps: Deps, input: { clientId: string; workerId: string }) {
  const now = await currentPhase(deps, input.clientId)
  if (!now) throw new AppError('trajectory_not_started', 'This client has no trajectory yet.')
  if (!phaseOf(now.trajectory.model, now.phase)?.evaluation) {
    throw new AppError('not_an_evaluation_phase', 'The current phase is not a phase to evaluate together.', { phase: now.phase })
  }
  const [existing] = await deps.db
    .select({ id: evaluations.id })
    .from(evaluations)
    .where(and(eq(evaluations.trajectoryId, now.trajectory.id), eq(evaluations.phase, now.phase)))
  if (existing) throw new AppError('evaluation_exists', 'You already evaluate together in this phase.', { evaluationId: existing.id })
  const [row] = await deps.db
    .insert(evaluations)
    .values({ clientId: input.clientId, trajectoryId: now.trajectory.id, phase: now.phase, startedById: input.workerId, createdAt: deps.now() })
    .returning()
  if (!row) throw new Error('insert returned nothing')
  return getEvaluation(deps, input.clientId, row.id)
}

/**
 * One side answers one item in their own words. `version` is the version of their own answer they
 * saw (0: none yet); a different one means another tab wrote in between (version_conflict). The
 * other side's answer is never touched: the side is the caller's, never chosen in the body.
 */
export async function answerItem(
  deps: Deps,
  input: { clientId: string; evaluationId: string; item: EvaluationItem; side: EvaluationSide; authorId: string; text: string; version: number; locale: Locale },
) {
  const before = await getEvaluation(deps, input.clientId, input.evaluationId)
  if (before.closed) throw new AppError('evaluation_signed', 'You both signed this evaluation; it stays as it is.')
  const now = deps.now()
  await deps.db.transaction(async (tx) => {
    const [own] = await tx
      .select()
      .from(evaluationAnswers)
      .where(and(eq(evaluationAnswers.evaluationId, input.evaluationId), eq(evaluationAnswers.item, input.item), eq(evaluationAnswers.authorRole, input.side)))
      .for('update')
    if ((own?.version ?? 0) !== input.version) throw new AppError('version_conflict', 'Your answer changed somewhere else. Look again.')
    if (own) {
      const [updated] = await tx
        .update(evaluationAnswers)
        .set({ text: input.text, authorId: input.authorId, version: own.version + 1, updatedAt: now })
        .where(and(eq(evaluationAnswers.id, own.id), eq(evaluationAnswers.version, own.version)))
        .returning()
      if (!updated) throw new AppError('version_conflict', 'Your answer changed somewhere else. Look again.')
      return
    }
    const [created] = await tx
      .insert(evaluationAnswers)
      .values({ evaluationId: input.evaluationId, item: input.item, authorRole: input.side, authorId: input.authorId, text: input.text, version: 1, updatedAt: now })
      .onConflictDoNothing()
      .returning()
    if (!created) throw new AppError('version_conflict', 'Your answer changed somewhere else. Look again.')
  })
  return { evaluation: await getEvaluation(deps, input.clientId, input.evaluationId), safety: screenTexts([input.text], input.locale) }
}

/**
 * One side signs the answers as they saw them (`contentHash` from the page): an older version is
 * refused (version_conflict), as is signing before both answered every item.
 */
export async function signEvaluation(deps: Deps, input: { clientId: string; evaluationId: string; side: EvaluationSide; signerId: string; contentHash: string }) {
  const evaluation = await getEvaluation(deps, input.clientId, input.evaluationId)
  if (evaluation.contentHash !== input.contentHash) throw new AppError('version_conflict', 'The answers changed while you were reading. Look again before you sign.')
  if (!evaluation.complete) throw new AppError('evaluation_incomplete', 'First you both answer every item; then you sign.')
  const mine = evaluation.signatures.find((s) => s.signerRole === input.side)
  if (mine?.current) throw new AppError('already_signed', 'You already signed this version.')
  await deps.db.insert(signatures).values({
    clientId: input.clientId,
    document: 'evaluation',
    subjectId: input.evaluationId,
    signerId: input.signerId,
    signerRole: input.side,
    contentHash: evaluation.contentHash,
    signedAt: deps.now(),
  })
  return getEvaluation(deps, input.clientId, input.evaluationId)
}
