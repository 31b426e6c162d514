import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { hasLines } from '../lib/safety-plan'
import { loadSafetyPlan } from '../lib/safety-plan.server'
import { SafetyPlanView } from '../components/safety-plan-view'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = pageTitle('titles.signaleringsplan')
export const links: LinksFunction = () => [{ rel: 'stylesheet', href: safetyStyles }]

const Params = z.object({ clientId: z.string().uuid() })

/** A worker or peer expert reads the plan only when the client shared `safety_plan` (the API's gate logs it). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const plan = await loadSafetyPlan(request, context, parsed.data.clientId)
  if (!plan) return data({ clientId: parsed.data.clientId, plan: null }, { status: 403 })
  return { clientId: parsed.data.clientId, plan }
}

export default function SharedSafetyPlan() {
  const t = useT()
  const { clientId, plan } = useLoaderData<typeof loader>()
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to={`/clienten/${clientId}`}>← {t('sharing.backToClient')}</Link>
      </p>
      <h1>{t('safety.plan.workerTitle')}</h1>
      {!plan ? (
        <p data-testid="plan-not-shared">{t('safety.plan.workerNotShared')}</p>
      ) : hasLines(plan) ? (
        <SafetyPlanView plan={plan} />
      ) : (
        <p>{t('safety.plan.workerEmpty')}</p>
      )}
    </div>
  )
}
