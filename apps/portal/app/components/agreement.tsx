import { Form } from '@remix-run/react'
import { formatDate, useLocale, useT } from '../lib/i18n'

export interface AgreementView {
  contentHash: string
  /** `current` null: it depends on parts not shared with this viewer, so neither state is shown. */
  signatures: { signerId: string; signerName: string; signedAt: string; current: boolean | null }[]
}

/**
 * The agreement (overeenkomst) as both the client and the worker see it: who signed which version,
 * "changed since signed on …" after a change, and the button to sign what is shown now.
 */
export function Agreement({ agreement, title, intro, viewerId }: { agreement: AgreementView; title?: string | undefined; intro?: string | undefined; viewerId: string }) {
  const t = useT()
  const locale = useLocale()
  // Signed this very version already: no button that would only be refused; a change brings it back.
  const signedNow = agreement.signatures.some((s) => s.signerId === viewerId && s.current === true)
  return (
    <section>
      <h2>{title ?? t('sharing.agreementTitle')}</h2>
      <p>{intro ?? t('sharing.agreementIntro')}</p>
      {agreement.signatures.length === 0 ? <p>{t('sharing.notSignedYet')}</p> : null}
      <ul data-testid="signatures">
        {agreement.signatures.map((s) => (
          <li key={s.signerId}>
            {s.current === null
              ? t('sharing.signedOn', { name: s.signerName, date: formatDate(locale, s.signedAt, true) })
              : s.current
                ? t('sharing.signed', { name: s.signerName, date: formatDate(locale, s.signedAt, true) })
                : t('sharing.changedSinceSigned', { name: s.signerName, date: formatDate(locale, s.signedAt, true) })}
          </li>
        ))}
      </ul>
      {signedNow ? (
        <p data-testid="signed-by-you">{t('sharing.youSignedThis')}</p>
      ) : (
        <Form method="post">
          <input type="hidden" name="intent" value="sign" />
          <input type="hidden" name="contentHash" value={agreement.contentHash} />
          <button type="submit" className="button">
            {t('sharing.sign')}
          </button>
        </Form>
      )}
    </section>
  )
}
