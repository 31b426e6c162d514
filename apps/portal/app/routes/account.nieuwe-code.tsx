import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireUser } from '../lib/auth.server'
import { safeReturnPath } from '../lib/return-path'
import { formatDate, useLocale, useT, pageTitle } from '../lib/i18n'
import { jsonOrThrow } from '../lib/api-failure.server'
import { choiceField, idField, optionalLine } from '../forms/fields'
import { parseSubmission } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.nieuweCode')

// Two buttons, no typed fields: which notice, the answer, and where to go back to.
const AnswerForm = z.object({
  invitationId: idField,
  answer: choiceField(['yes', 'no']),
  terug: optionalLine(2000),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context)
  const response = await api(context, request).me['access-resets'].$get()
  return { notices: await jsonOrThrow(response), back: safeReturnPath(new URL(request.url).searchParams.get('terug')) }
}

/**
 * "Was that you?" after an access reset. Either answer marks the notice as seen (the client's access
 * log keeps the reset for good); "no" shows what to do next.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  await requireUser(request, context)
  const submission = parseSubmission(await request.formData(), AnswerForm)
  if (submission.status !== 'success') return { answeredNo: false }
  const form = submission.value
  await api(context, request).me['access-resets'][':invitationId'].seen.$post({ param: { invitationId: form.invitationId } })
  if (form.answer === 'no') return { answeredNo: true }
  const remaining = await api(context, request).me['access-resets'].$get()
  if (remaining.ok && (await remaining.json()).length > 0) return { answeredNo: false }
  throw redirect(safeReturnPath(form.terug))
}

export default function ResetNotice() {
  const t = useT()
  const locale = useLocale()
  const { notices, back } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  if (result?.answeredNo) {
    return (
      <div className="page page--narrow">
        <h1>{t('security.resetNoTitle')}</h1>
        <p>{t('security.resetNoText')}</p>
        <ol>
          <li>{t('security.resetNoStep1')}</li>
          <li>{t('security.resetNoStep2')}</li>
          <li>{t('security.resetNoStep3')}</li>
        </ol>
        <p>
          <Link to="/account/wachtwoord" className="button">
            {t('security.resetNoPassword')}
          </Link>
        </p>
        <p>
          <Link to="/delen/bekeken">{t('sharing.logTitle')}</Link>
        </p>
      </div>
    )
  }
  const notice = notices[0]
  if (!notice) {
    return (
      <div className="page page--narrow">
        <h1>{t('security.resetNoneTitle')}</h1>
        <p>{t('security.resetNoneText')}</p>
        <p>
          <Link to={back}>{t('common.back')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="page page--narrow">
      <h1>{t('security.resetTitle')}</h1>
      <div className="notice notice--care" role="status" data-testid="reset-notice">
        <p>{t('security.resetNotice', { name: notice.byName, date: formatDate(locale, notice.createdAt, true) })}</p>
        {notice.usedAt ? <p>{t('security.resetUsed', { date: formatDate(locale, notice.usedAt, true) })}</p> : null}
      </div>
      <p>
        <strong>{t('security.resetQuestion')}</strong>
      </p>
      <Form method="post" className="stack">
        <input type="hidden" name="invitationId" value={notice.id} />
        <input type="hidden" name="terug" value={back} />
        <button type="submit" name="answer" value="yes" className="button">
          {t('security.resetYes')}
        </button>
        <button type="submit" name="answer" value="no" className="button button--secondary">
          {t('security.resetNo')}
        </button>
      </Form>
    </div>
  )
}
