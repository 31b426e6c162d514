import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, useLocale, usePlural, useT, pageTitle } from '../lib/i18n'
import { Notice } from '../components/field'
import { currentPasswordField, requiredLine } from '../forms/fields'
import { FormErrors, PasswordField, TextField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.authenticatorApp')

const PasswordForm = z.object({ password: currentPasswordField })
const CodeForm = z.object({ code: requiredLine(20) })

type Intent = 'start' | 'off' | 'confirm'

type Result =
  | { step: 'scan'; secret: string; qrSvg: string }
  | { step: 'codes'; recoveryCodes: string[] }
  | { step: 'off' }
  /** The form `intent` gets `result` (its errors); the others start empty. */
  | { step: 'problem'; intent: Intent; result: SubmissionResult<string[]> }

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer', 'admin')
  const response = await api(context, request).me.totp.$get()
  if (!response.ok) throw new Response('unavailable', { status: response.status })
  return { status: await response.json() }
}

const problemStep = (intent: Intent, result: SubmissionResult<string[]>, status: number) =>
  data<Result>({ step: 'problem', intent, result }, { status })

/** A wrong password or code belongs beside its field; anything else above the form. */
const besideField = (code: string) => (code === 'password_wrong' ? 'password' : code === 'totp_code_wrong' ? 'code' : null)

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer', 'admin')
  const formData = await request.formData()
  const totp = api(context, request).me.totp
  if (formData.get('intent') === 'confirm') {
    const submission = parseSubmission(formData, CodeForm)
    const hide = ['code']
    if (submission.status !== 'success') return problemStep('confirm', reply(submission, { hide }), 400)
    const response = await totp.confirm.$post({ json: { code: submission.value.code } })
    if (!response.ok) return problemStep('confirm', await replyWithProblem(submission, response, { hide, fieldFor: besideField }), response.status)
    // Shown in this one answer only; the server keeps only hashes.
    return data<Result>({ step: 'codes', recoveryCodes: (await response.json()).recoveryCodes })
  }
  const intent: Intent = formData.get('intent') === 'off' ? 'off' : 'start'
  const submission = parseSubmission(formData, PasswordForm)
  const hide = ['password']
  if (submission.status !== 'success') return problemStep(intent, reply(submission, { hide }), 400)
  const json = { password: submission.value.password }
  if (intent === 'off') {
    const response = await totp.disable.$post({ json })
    if (!response.ok) return problemStep(intent, await replyWithProblem(submission, response, { hide, fieldFor: besideField }), response.status)
    return data<Result>({ step: 'off' })
  }
  const response = await totp.setup.$post({ json })
  if (!response.ok) return problemStep(intent, await replyWithProblem(submission, response, { hide, fieldFor: besideField }), response.status)
  const setup = await response.json()
  return data<Result>({ step: 'scan', secret: setup.secret, qrSvg: setup.qrSvg })
}

function ConfirmForm({ lastResult }: { lastResult: SubmissionResult<string[]> | undefined }) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: 'totp-confirm', schema: CodeForm, lastResult })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="confirm" />
      <p>{t('security.confirmIntro')}</p>
      <FormErrors form={form} />
      <TextField meta={fields.code} label={t('security.code')} autoComplete="one-time-code" inputMode="numeric" />
      <button type="submit" className="button">
        {t('security.confirmButton')}
      </button>
    </Form>
  )
}

interface PasswordStepProps {
  intent: 'start' | 'off'
  intro: string
  button: string
  lastResult: SubmissionResult<string[]> | undefined
}

function PasswordStep({ intent, intro, button, lastResult }: PasswordStepProps) {
  const t = useT()
  const [form, fields] = useSchemaForm({ id: `totp-${intent}`, schema: PasswordForm, lastResult })
  return (
    <Form method="post" className="stack" {...getFormProps(form)}>
      <input type="hidden" name="intent" value={intent} />
      <p>{intro}</p>
      <FormErrors form={form} />
      <PasswordField meta={fields.password} label={t('security.passwordAgain')} autoComplete="current-password" />
      <button type="submit" className={intent === 'off' ? 'button button--secondary' : 'button'}>
        {button}
      </button>
    </Form>
  )
}

export default function Authenticator() {
  const t = useT()
  const plural = usePlural()
  const locale = useLocale()
  const { status } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  // Each form gets back only its own answer.
  const resultOf = (intent: Intent) => (result?.step === 'problem' && result.intent === intent ? result.result : undefined)
  return (
    <div className="page page--narrow">
      <h1>{t('security.appTitle')}</h1>
      <p>{t('security.appIntro')}</p>
      {status.required && !status.enabled ? <div className="notice notice--care" role="status">{t('security.appRequired')}</div> : null}
      {result?.step === 'off' ? <Notice>{t('security.turnedOff')}</Notice> : null}
      {result?.step === 'codes' ? (
        <section className="card" aria-labelledby="recovery-title" data-testid="recovery-codes">
          <h2 id="recovery-title">{t('security.recoveryTitle')}</h2>
          <div className="notice notice--care" role="status">
            <strong>{t('security.recoveryIntro')}</strong>
          </div>
          <ul className="code-list">
            {result.recoveryCodes.map((code) => (
              <li key={code} className="code code--long">
                {code}
              </li>
            ))}
          </ul>
          <Link to="/" className="button">
            {t('security.recoveryDone')}
          </Link>
        </section>
      ) : result?.step === 'scan' ? (
        <section className="card" aria-labelledby="scan-title">
          <h2 id="scan-title">{t('security.scanTitle')}</h2>
          {/* Server-made SVG from the qrcode library: no script. */}
          <figure className="qr">
            <div className="qr-image" role="img" aria-label={t('security.qrLabel')} dangerouslySetInnerHTML={{ __html: result.qrSvg }} />
          </figure>
          <p>{t('security.scanIntro')}</p>
          <p className="code code--long" data-testid="totp-key">
            {result.secret}
          </p>
          <ConfirmForm lastResult={undefined} />
        </section>
      ) : result?.step === 'problem' && result.intent === 'confirm' ? (
        <section className="card">
          <p>{t('security.confirmAgain')}</p>
          <ConfirmForm lastResult={resultOf('confirm')} />
          <PasswordStep intent="start" intro={t('security.startIntro')} button={t('security.startButton')} lastResult={undefined} />
        </section>
      ) : status.enabled && result?.step !== 'off' ? (
        <>
          <p>{t('security.appOn', { date: status.enabledAt ? formatDate(locale, status.enabledAt) : '' })}</p>
          <p>{plural('security.recoveryLeft', status.recoveryCodesLeft)}</p>
          {status.required ? null : (
            <section className="card" aria-labelledby="off-title">
              <h2 id="off-title">{t('security.turnOffTitle')}</h2>
              <PasswordStep intent="off" intro={t('security.turnOffIntro')} button={t('security.turnOffButton')} lastResult={resultOf('off')} />
            </section>
          )}
        </>
      ) : (
        <>
          <p>{t('security.appOff')}</p>
          <PasswordStep intent="start" intro={t('security.startIntro')} button={t('security.startButton')} lastResult={resultOf('start')} />
        </>
      )}
    </div>
  )
}
