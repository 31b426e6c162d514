import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { loadAssessments } from '../lib/trajectory.server'

export const meta: MetaFunction = pageTitle('titles.watJeBegeleiderOpschreef')

/**
 * What the worker wrote about the client's capacity and load, shown when the client asks for it
 * (GDPR art. 15): the page first explains, and a button (a plain GET form) shows it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const asked = new URL(request.url).searchParams.get('toon') === 'ja'
  if (!asked) return { asked: false as const, assessments: [] }
  const assessments = await loadAssessments(request, context, user.id)
  if (!assessments) throw new Response('unavailable', { status: 503 })
  return { asked: true as const, assessments }
}

export default function MyCapacity() {
  const t = useT()
  const locale = useLocale()
  const { asked, assessments } = useLoaderData<typeof loader>()
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/traject">← {t('trajectory.title')}</Link>
      </p>
      <h1>{t('trajectory.capacity.clientTitle')}</h1>
      <p className="lead">{t('trajectory.capacity.clientIntro')}</p>
      {!asked ? (
        <Form method="get">
          <input type="hidden" name="toon" value="ja" />
          <button type="submit" className="button">
            {t('trajectory.capacity.show')}
          </button>
        </Form>
      ) : assessments.length === 0 ? (
        <p data-testid="no-assessment">{t('trajectory.capacity.none')}</p>
      ) : (
        <>
          {assessments.map((assessment) => (
            <article key={assessment.id} className="card" data-testid="assessment">
              <p className="muted">{t('trajectory.capacity.by', { name: assessment.authorName ?? '', date: formatDate(locale, assessment.createdAt) })}</p>
              <p>
                <strong>{t(`trajectory.capacity.balance.${assessment.balance}`)}</strong>
              </p>
              <h2>{t('trajectory.capacity.capacity')}</h2>
              <p>{assessment.capacity}</p>
              <h2>{t('trajectory.capacity.load')}</h2>
              <p>{assessment.load}</p>
              {assessment.risks ? (
                <>
                  <h2>{t('trajectory.capacity.risks')}</h2>
                  <p>{assessment.risks}</p>
                </>
              ) : null}
              {assessment.safety ? (
                <>
                  <h2>{t('trajectory.capacity.safety')}</h2>
                  <p>{assessment.safety}</p>
                </>
              ) : null}
            </article>
          ))}
          <p>{t('trajectory.capacity.askAbout')}</p>
        </>
      )}
    </div>
  )
}
