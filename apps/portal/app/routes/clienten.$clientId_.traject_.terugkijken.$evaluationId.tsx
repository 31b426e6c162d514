import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { z } from 'zod'
import { requireRole } from '../lib/auth.server'
import { evaluationAction, loadEvaluation } from '../lib/evaluation.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { phaseName } from '../lib/trajectory'
import { EvaluationSheet } from '../components/evaluation-sheet'

export const meta: MetaFunction = pageTitle('titles.samenTerugkijken')

const Params = z.object({ clientId: z.string().uuid(), evaluationId: z.string().uuid() })

/** The linked worker's side of an evaluation together: the worker's own answers beside the client's. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId, evaluationId } = parsed.data
  return { clientId, evaluation: await loadEvaluation(request, context, clientId, evaluationId) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  return evaluationAction(request, context, parsed.data.clientId, parsed.data.evaluationId)
}

export default function WorkerEvaluation() {
  const t = useT()
  const locale = useLocale()
  const { clientId, evaluation } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/clienten/${clientId}/traject`}>← {t('trajectory.evaluation.backWorker')}</Link>
      </p>
      <h1>{t('trajectory.evaluation.title')}</h1>
      <p className="muted">
        {t('trajectory.evaluation.inPhase', { phase: phaseName(t, evaluation.phase) })} · {t('trajectory.evaluation.startedOn', { date: formatDate(locale, evaluation.createdAt) })}
      </p>
      <p className="lead">{t('trajectory.evaluation.workerIntro')}</p>
      <EvaluationSheet evaluation={evaluation} side="worker" result={result} />
    </div>
  )
}
