import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { getFormProps, useSchemaForm } from '../forms/use-form'
import { z } from 'zod'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { formatDate, scopeName, useLocale, useT, pageTitle } from '../lib/i18n'
import { endOfDutchDay } from '../lib/sharing-forms'
import { FormProblem, Notice } from '../components/field'
import { jsonOrThrow } from '../lib/api-failure.server'
import { currentPasswordField, dateField, idField, requiredLine, someCheckboxesField } from '../forms/fields'
import { CheckboxGroup, FormErrors, PasswordField, TextField } from '../forms/field-components'
import { parseSubmission, reply, replyWithProblem } from '../forms/submission.server'

export const meta: MetaFunction = pageTitle('titles.apiSleutels')

const scopes = ['inventory', 'action_plan', 'network', 'sessions', 'safety_plan'] as const

// The API checks again (known scopes, at most 90 days, not past, the passphrase).
const CreateForm = z.object({
  intent: z.literal('create'),
  name: requiredLine(80),
  scopes: someCheckboxesField(scopes),
  expiresAt: dateField,
  password: currentPasswordField,
})

// Only a button beside a key: which one.
const RevokeForm = z.object({ intent: z.literal('revoke'), tokenId: idField })

const TokenForms = z.discriminatedUnion('intent', [CreateForm, RevokeForm])

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'admin')
  const response = await api(context, request).me['api-tokens'].$get()
  return { tokens: await jsonOrThrow(response), today: new Date().toISOString() }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'admin')
  const submission = parseSubmission(await request.formData(), TokenForms)
  // The passphrase never travels back into the page.
  if (submission.status !== 'success') return data({ result: reply(submission, { hide: ['password'] }), created: null, revoked: null }, { status: 400 })
  const tokens = api(context, request).me['api-tokens']
  const form = submission.value
  if (form.intent === 'revoke') {
    const response = await tokens[':tokenId'].$delete({ param: { tokenId: form.tokenId } })
    if (!response.ok) return data({ result: await replyWithProblem(submission, response), created: null, revoked: null }, { status: response.status })
    return { result: null, created: null, revoked: (await response.json()).name }
  }
  const response = await tokens.$post({ json: { name: form.name, scopes: form.scopes, expiresAt: endOfDutchDay(form.expiresAt), password: form.password } })
  if (!response.ok) {
    const result = await replyWithProblem(submission, response, { hide: ['password'], fieldFor: (code) => (code === 'password_wrong' ? 'password' : null) })
    return data({ result, created: null, revoked: null }, { status: response.status })
  }
  // The secret is in this one answer only: never in a URL, never stored by the portal.
  const created = await response.json()
  return { result: null, created: { name: created.name, token: created.token }, revoked: null }
}


export default function ApiTokens() {
  const t = useT()
  const locale = useLocale()
  const { tokens, today } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  // Each form gets back only its own answer: a key that could not be revoked says so above the list.
  const revoking = result?.result?.initialValue?.['intent'] === 'revoke'
  const [form, fields] = useSchemaForm({ id: 'token', schema: CreateForm, lastResult: revoking ? null : result?.result, defaultValue: { intent: 'create', scopes: ['inventory'] } })
  const revokeProblem = revoking ? result?.result?.error?.['']?.[0] : null
  return (
    <div className="page page--narrow">
      <h1>{t('sharing.tokensTitle')}</h1>
      <p>{t('sharing.tokensIntro')}</p>
      {result?.revoked ? <Notice>{t('sharing.tokenRevoked', { name: result.revoked })}</Notice> : null}
      {result?.created ? (
        <section className="card" aria-labelledby="new-token" data-testid="new-token">
          <h2 id="new-token">{t('sharing.tokenNewTitle', { name: result.created.name })}</h2>
          <div className="notice notice--care" role="status">
            <strong>{t('sharing.tokenShownOnce')}</strong>
          </div>
          <div className="field">
            <label htmlFor="token-value">{t('sharing.tokenValue')}</label>
            <input id="token-value" readOnly value={result.created.token} spellCheck={false} autoComplete="off" />
          </div>
          <p className="muted">{t('sharing.tokenHowTo')}</p>
        </section>
      ) : null}
      <FormProblem code={revokeProblem} />
      {tokens.length === 0 ? (
        <p>{t('sharing.tokensNone')}</p>
      ) : (
        <ul className="rows" data-testid="tokens">
          {tokens.map((token) => {
            const ended = token.revokedAt !== null || token.expiresAt <= today
            return (
              <li key={token.id} className="row" data-testid="token">
                <div>
                  <strong>{token.name}</strong> <span className="muted">({token.prefix}…)</span>
                  <br />
                  {t('sharing.tokenScopes', { scopes: token.scopes.map((scope) => scopeName(t, scope)).join(', ') })}
                  <br />
                  <span className="muted">
                    {token.revokedAt
                      ? t('sharing.tokenRevokedOn', { date: formatDate(locale, token.revokedAt) })
                      : token.expiresAt <= today
                        ? t('sharing.tokenExpired')
                        : t('sharing.tokenEnds', { date: formatDate(locale, token.expiresAt) })}{' '}
                    · {token.lastUsedAt ? t('sharing.tokenLastUsed', { date: formatDate(locale, token.lastUsedAt, true) }) : t('sharing.tokenNeverUsed')}
                  </span>
                </div>
                {ended ? null : (
                  <Form method="post">
                    <input type="hidden" name="intent" value="revoke" />
                    <input type="hidden" name="tokenId" value={token.id} />
                    <button type="submit" className="button button--small button--secondary" aria-label={`${t('sharing.tokenRevoke')}: ${token.name}`}>
                      {t('sharing.tokenRevoke')}
                    </button>
                  </Form>
                )}
              </li>
            )
          })}
        </ul>
      )}
      <h2>{t('sharing.tokenCreateTitle')}</h2>
      <FormErrors form={form} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <TextField meta={fields.name} label={t('sharing.tokenName')} />
        <CheckboxGroup meta={fields.scopes} legend={t('sharing.tokenScopesLegend')} options={scopes.map((scope) => ({ value: scope, label: t(`sharing.scopes.${scope}`) }))} />
        <TextField meta={fields.expiresAt} type="date" label={t('sharing.tokenExpiresAt')} hint={t('sharing.tokenExpiresHint')} />
        <PasswordField meta={fields.password} label={t('security.passwordAgain')} hint={t('security.passwordAgainHint')} autoComplete="current-password" />
        <button type="submit" className="button">
          {t('sharing.tokenCreate')}
        </button>
      </Form>
    </div>
  )
}
