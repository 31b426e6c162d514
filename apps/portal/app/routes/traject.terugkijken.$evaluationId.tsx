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

const Params = z.object({ evaluationId: z.string().uuid() })

/** The client's side of an evaluation together: their own answers, the worker's to read, signing. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  return { evaluation: await loadEvaluation(request, context, user.id, parsed.data.evaluationId) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  return evaluationAction(request, context, user.id, parsed.data.evaluationId)
}

export default function ClientEvaluation() {
  const t = useT()
  const locale = useLocale()
  const { evaluation } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/traject">← {t('trajectory.evaluation.back')}</Link>
      </p>
      <h1>{t('trajectory.evaluation.title')}</h1>
      <p className="muted">
        {t('trajectory.evaluation.inPhase', { phase: phaseName(t, evaluation.phase) })} · {t('trajectory.evaluation.startedOn', { date: formatDate(locale, evaluation.createdAt) })}
      </p>
      <p className="lead">{t('trajectory.evaluation.intro')}</p>
      <EvaluationSheet evaluation={evaluation} side="client" result={result} />
    </div>
  )
}
