import { networkErrorCode } from '../lib/network'
import { useT } from '../lib/i18n'

// Its own module: a code the loader sends (the comparison's dates), so the page that shows it carries
// the network's messages; the map's pages get theirs with a form's answer (forms/reply-texts.ts).

/** A field error of the network forms in the reader's language. */
export function NetworkError({ id, code }: { id: string; code: string | undefined }) {
  const t = useT()
  const known = networkErrorCode(code)
  if (!code) return null
  return (
    <p className="field-error" id={id} role="alert">
      {known ? t(`network.errors.${known}`) : t('fields.invalid')}
    </p>
  )
}
