import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { api, readProblem } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { parseForm, type FieldErrors } from '../lib/forms'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { endOfDutchDay } from '../lib/sharing-forms'
import { Field, FieldError, FormProblem, Notice } from '../components/field'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = () => [{ title: 'API-sleutels – Kracht' }]

const scopes = ['inventory', 'action_plan', 'network', 'sessions', 'safety_plan'] as const

// Messages are catalogue codes; the API checks again (known scopes, at most 90 days, not past, the passphrase).
const TokenForm = z.object({
  name: z.string().trim().min(1, 'required').max(80, 'too_long'),
  expiresAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date'),
  password: z.string().min(1, 'required').max(1000, 'too_long'),
})

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, 'worker', 'admin')
  const response = await api(context, request).me['api-tokens'].$get()
  return { tokens: await jsonOrThrow(response), today: new Date().toISOString() }
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'admin')
  const formData = await request.formData()
  const tokens = api(context, request).me['api-tokens']
  if (formData.get('intent') === 'revoke') {
    const response = await tokens[':tokenId'].$delete({ param: { tokenId: String(formData.get('tokenId') ?? '') } })
    if (!response.ok) return data({ problem: (await readProblem(response)).code, fields: {} as FieldErrors, created: null, revoked: null }, { status: response.status })
    return { problem: null, fields: {} as FieldErrors, created: null, revoked: (await response.json()).name }
  }
  const chosen = formData.getAll('scopes').map(String)
  const parsed = parseForm(TokenForm, formData)
  const fields: FieldErrors = parsed.ok ? {} : { ...parsed.fields }
  if (chosen.length === 0) fields['scopes'] = 'unknown_scope'
  if (!parsed.ok || Object.keys(fields).length > 0) return data({ problem: 'validation_failed', fields, created: null, revoked: null }, { status: 400 })
  const response = await tokens.$post({
    json: { name: parsed.data.name, scopes: chosen, expiresAt: endOfDutchDay(parsed.data.expiresAt), password: parsed.data.password },
  })
  if (!response.ok) {
    const problem = await readProblem(response)
    return data({ problem: problem.code, fields: (problem.fields ?? {}) as FieldErrors, created: null, revoked: null }, { status: response.status })
  }
  // The secret is in this one answer only: never in a URL, never stored by the portal.
  const created = await response.json()
  return { problem: null, fields: {} as FieldErrors, created: { name: created.name, token: created.token }, revoked: null }
}


export default function ApiTokens() {
  const t = useT()
  const locale = useLocale()
  const { tokens, today } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const fields: FieldErrors = result?.fields ?? {}
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
      <FormProblem code={result?.problem} />
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
                  {t('sharing.tokenScopes', { scopes: token.scopes.map((scope) => t(`sharing.scopes.${scope}` as 'sharing.scopes.inventory')).join(', ') })}
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
      <Form method="post" className="stack" noValidate>
        <input type="hidden" name="intent" value="create" />
        <Field name="name" label={t('sharing.tokenName')} maxLength={80} required error={fields['name']} />
        <fieldset className={fields['scopes'] ? 'field--error' : undefined} aria-describedby={fields['scopes'] ? 'scopes-error' : undefined}>
          <legend>{t('sharing.tokenScopesLegend')}</legend>
          {scopes.map((scope) => (
            <label key={scope} className="choice">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === 'inventory'} /> {t(`sharing.scopes.${scope}`)}
            </label>
          ))}
          <FieldError code={fields['scopes']} id="scopes-error" />
        </fieldset>
        <div className={fields['expiresAt'] ? 'field field--error' : 'field'}>
          <label htmlFor="expiresAt">{t('sharing.tokenExpiresAt')}</label>
          <p className="hint" id="expiresAt-hint">
            {t('sharing.tokenExpiresHint')}
          </p>
          <input
            id="expiresAt"
            type="date"
            name="expiresAt"
            required
            aria-invalid={fields['expiresAt'] ? true : undefined}
            aria-describedby={fields['expiresAt'] ? 'expiresAt-hint expiresAt-error' : 'expiresAt-hint'}
          />
          <FieldError code={fields['expiresAt']} id="expiresAt-error" />
        </div>
        <Field
          name="password"
          type="password"
          label={t('security.passwordAgain')}
          hint={t('security.passwordAgainHint')}
          autoComplete="current-password"
          required
          error={fields['password']}
        />
        <button type="submit" className="button">
          {t('sharing.tokenCreate')}
        </button>
      </Form>
    </div>
  )
}
