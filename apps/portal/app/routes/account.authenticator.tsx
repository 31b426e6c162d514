import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm, type FieldErrors } from '../lib/forms'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { Field, FormProblem, Notice } from '../components/field'

export const meta: MetaFunction = () => [{ title: 'Authenticator-app – Kracht' }]

const PasswordForm = z.object({ password: z.string().min(1, 'required').max(1000, 'too_long') })
const CodeForm = z.object({ code: z.string().trim().min(1, 'required').max(20, 'too_long') })

type Result =
  | { step: 'scan'; secret: string; qrSvg: string; problem: null; fields: FieldErrors }
  | { step: 'codes'; recoveryCodes: string[]; problem: null; fields: FieldErrors }
  | { step: 'off'; problem: null; fields: FieldErrors }
  | { step: 'problem'; retryConfirm: boolean; problem: string; fields: FieldErrors }

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer', 'admin')
  const response = await api(context, request).me.totp.$get()
  if (!response.ok) throw new Response('unavailable', { status: response.status })
  return { status: await response.json() }
}

const fail = async (response: Response, retryConfirm: boolean, field: string) => {
  const problem = await readProblem(response)
  const fields: FieldErrors = problem.code === 'password_wrong' || problem.code === 'totp_code_wrong' ? { [field]: problem.code } : {}
  return data<Result>({ step: 'problem', retryConfirm, problem: problem.code, fields }, { status: response.status })
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer', 'admin')
  const formData = await request.formData()
  const totp = api(context, request).me.totp
  const intent = formData.get('intent')
  if (intent === 'confirm') {
    const form = parseForm(CodeForm, formData)
    if (!form.ok) return data<Result>({ step: 'problem', retryConfirm: true, problem: 'validation_failed', fields: form.fields }, { status: 400 })
    const response = await totp.confirm.$post({ json: { code: form.data.code } })
    if (!response.ok) return fail(response, true, 'code')
    // Shown in this one answer only; the server keeps only hashes.
    return data<Result>({ step: 'codes', recoveryCodes: (await response.json()).recoveryCodes, problem: null, fields: {} })
  }
  const form = parseForm(PasswordForm, formData)
  if (!form.ok) return data<Result>({ step: 'problem', retryConfirm: false, problem: 'validation_failed', fields: form.fields }, { status: 400 })
  if (intent === 'off') {
    const response = await totp.disable.$post({ json: { password: form.data.password } })
    if (!response.ok) return fail(response, false, 'password')
    return data<Result>({ step: 'off', problem: null, fields: {} })
  }
  const response = await totp.setup.$post({ json: { password: form.data.password } })
  if (!response.ok) return fail(response, false, 'password')
  const setup = await response.json()
  return data<Result>({ step: 'scan', secret: setup.secret, qrSvg: setup.qrSvg, problem: null, fields: {} })
}

function ConfirmForm({ error }: { error: string | undefined }) {
  const t = useT()
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value="confirm" />
      <p>{t('security.confirmIntro')}</p>
      <Field name="code" label={t('security.code')} autoComplete="one-time-code" inputMode="numeric" required maxLength={20} error={error} />
      <button type="submit" className="button">
        {t('security.confirmButton')}
      </button>
    </Form>
  )
}

function PasswordStep({ intent, intro, button, error }: { intent: 'start' | 'off'; intro: string; button: string; error: string | undefined }) {
  const t = useT()
  return (
    <Form method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value={intent} />
      <p>{intro}</p>
      <Field name="password" type="password" label={t('security.passwordAgain')} autoComplete="current-password" required error={error} />
      <button type="submit" className={intent === 'off' ? 'button button--secondary' : 'button'}>
        {button}
      </button>
    </Form>
  )
}

export default function Authenticator() {
  const t = useT()
  const locale = useLocale()
  const { status } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const fields: FieldErrors = result?.fields ?? {}
  const problem = result?.step === 'problem' && !fields['code'] && !fields['password'] ? result.problem : null
  return (
    <div className="page page--narrow">
      <h1>{t('security.appTitle')}</h1>
      <p>{t('security.appIntro')}</p>
      {status.required && !status.enabled ? <div className="notice notice--care" role="status">{t('security.appRequired')}</div> : null}
      <FormProblem code={problem} />
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
          <ConfirmForm error={undefined} />
        </section>
      ) : result?.step === 'problem' && result.retryConfirm ? (
        <section className="card">
          <p>{t('security.confirmAgain')}</p>
          <ConfirmForm error={fields['code']} />
          <PasswordStep intent="start" intro={t('security.startIntro')} button={t('security.startButton')} error={undefined} />
        </section>
      ) : status.enabled && result?.step !== 'off' ? (
        <>
          <p>{t('security.appOn', { date: status.enabledAt ? formatDate(locale, status.enabledAt) : '' })}</p>
          <p>{t('security.recoveryLeft', { count: status.recoveryCodesLeft })}</p>
          {status.required ? null : (
            <section className="card" aria-labelledby="off-title">
              <h2 id="off-title">{t('security.turnOffTitle')}</h2>
              <PasswordStep intent="off" intro={t('security.turnOffIntro')} button={t('security.turnOffButton')} error={fields['password']} />
            </section>
          )}
        </>
      ) : (
        <>
          <p>{t('security.appOff')}</p>
          <PasswordStep intent="start" intro={t('security.startIntro')} button={t('security.startButton')} error={fields['password']} />
        </>
      )}
    </div>
  )
}
