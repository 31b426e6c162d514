import { useMemo } from 'react'
import { Form, useNavigation } from '@remix-run/react'
import { getFormProps, type SubmissionResult, useSchemaForm } from '../forms/use-form'
import type { InvitationPreview } from '../lib/api-types'
import { formatDate, useLocale, useT } from '../lib/i18n'
import { acceptForm } from '../lib/invitation-forms'
import { FormErrors, PasswordField, TextField } from '../forms/field-components'

interface Props {
  preview: InvitationPreview
  /** Hidden inputs that carry the code or token to the accept step. */
  secret: { name: 'code' | 'token'; value: string }
  /** What the accept step answered: errors beside the fields, the chosen user name kept. */
  result?: SubmissionResult<string[]> | null | undefined
}

export function AcceptInvitation({ preview, secret, result }: Props) {
  const t = useT()
  const locale = useLocale()
  const busy = useNavigation().state === 'submitting'
  const isReset = preview.existingUsername !== null
  const schema = useMemo(() => acceptForm(isReset), [isReset])
  const [form, fields] = useSchemaForm({ id: 'accept', schema, lastResult: result })
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
      <FormErrors form={form} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name={secret.name} value={secret.value} />
        {isReset ? null : (
          <TextField
            meta={fields.username}
            label={t('invite.chooseUsername')}
            hint={t('invite.usernameHint')}
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
          />
        )}
        <PasswordField meta={fields.newPassword} label={t('invite.choosePassword')} hint={t('auth.passwordHint')} autoComplete="new-password" />
        <PasswordField meta={fields.repeat} label={t('auth.repeatPassword')} autoComplete="new-password" />
        <button type="submit" className="button" disabled={busy}>
          {isReset ? t('invite.resetButton') : t('invite.acceptButton')}
        </button>
      </Form>
      <p className="muted">{t('invite.expires', { date: formatDate(locale, preview.expiresAt) })}</p>
    </div>
  )
}
