import { Form, useNavigation } from '@remix-run/react'
import type { InvitationPreview } from '../lib/api-types'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { Field, FormProblem } from './field'

interface Props {
  preview: InvitationPreview
  /** Hidden inputs that carry the code or token to the accept step. */
  secret: { name: 'code' | 'token'; value: string }
  result?: { problem?: string | null; fields?: Record<string, string>; username?: string } | undefined
}

export function AcceptInvitation({ preview, secret, result }: Props) {
  const t = useT()
  const locale = useLocale()
  const busy = useNavigation().state === 'submitting'
  const fields = result?.fields ?? {}
  const isReset = preview.existingUsername !== null
  return (
    <div className="page page--narrow">
      <h1>{t('invite.acceptTitle')}</h1>
      <p>
        {isReset
          ? t('invite.resetIntro', { name: preview.displayName, username: preview.existingUsername ?? '' })
          : t('invite.acceptIntro', {
              name: preview.displayName,
              organisation: preview.organisationName,
              role: t(`roles.${preview.role}`),
            })}
      </p>
      {preview.role === 'client' ? <p className="muted">{t('invite.privacy')}</p> : null}
      <FormProblem code={result?.problem && result.problem !== 'validation_failed' && !fields['password'] && !fields['username'] ? result.problem : null} />
      <Form method="post" noValidate className="stack">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name={secret.name} value={secret.value} />
        {isReset ? null : (
          <Field
            name="username"
            label={t('invite.chooseUsername')}
            hint={t('invite.usernameHint')}
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            required
            maxLength={32}
            defaultValue={result?.username ?? ''}
            error={fields['username']}
          />
        )}
        <Field
          name="password"
          type="password"
          label={t('invite.choosePassword')}
          hint={t('auth.passwordHint')}
          autoComplete="new-password"
          required
          minLength={10}
          error={fields['password']}
        />
        <Field name="repeat" type="password" label={t('auth.repeatPassword')} autoComplete="new-password" required error={fields['repeat']} />
        <button type="submit" className="button" disabled={busy}>
          {isReset ? t('invite.resetButton') : t('invite.acceptButton')}
        </button>
      </Form>
      <p className="muted">{t('invite.expires', { date: formatDate(locale, preview.expiresAt) })}</p>
    </div>
  )
}
