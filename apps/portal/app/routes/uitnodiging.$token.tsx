import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { accept, lookup } from '../lib/invitation.server'
import { useT, pageTitle } from '../lib/i18n'
import { problemText } from '../lib/problem-text'

// The loader's problem (a code, not a form's answer) is shown in the browser too.
// route-texts: errors
import { AcceptInvitation } from '../components/accept-invitation'

export const meta: MetaFunction = pageTitle('titles.welkom', [{ name: 'referrer', content: 'same-origin' }])

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const token = params['token'] ?? ''
  const found = await lookup(request, context, { token })
  return { token, ...found }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params['token'] ?? ''
  // Looked up again: whether this resets an account decides which fields the form has.
  const found = await lookup(request, context, { token })
  if (!found.preview) return data({ result: null }, { status: 400 })
  return accept(request, context, await request.formData(), { token }, found.preview.existingUsername !== null)
}

export default function AcceptByLink() {
  const t = useT()
  const { token, preview, problem } = useLoaderData<typeof loader>()
  const answer = useActionAnswer<typeof action>()
  if (!preview) {
    return (
      <div className="page page--narrow">
        <h1>{t('invite.codeTitle')}</h1>
        <div className="notice notice--error" role="alert">
          {problemText(t, 'errors', problem ?? undefined)}
        </div>
        <p>
          <Link to="/inloggen" className="button">
            {t('auth.signInButton')}
          </Link>
        </p>
      </div>
    )
  }
  return <AcceptInvitation preview={preview} secret={{ name: 'token', value: token }} result={answer?.result} />
}
