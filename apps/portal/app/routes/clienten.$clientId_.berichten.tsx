import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { api } from '../lib/api.server'
import { requireRole } from '../lib/auth.server'
import { useT } from '../lib/i18n'
import { loadThread, sendFromForm } from '../lib/messages.server'
import { MessageThread } from '../components/message-thread'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = () => [{ title: 'Berichten – Kracht' }]
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

/** Whether the reader may write: a linked worker always, anyone else on a messages share with comment access. */
async function canSend(request: Request, context: Parameters<typeof api>[0], role: string, clientId: string) {
  const client = api(context, request)
  if (role === 'worker') {
    const mine = await client['my-clients'].$get()
    if (mine.ok && (await mine.json()).some((c) => c.id === clientId)) return true
  }
  const shared = await client.me['shared-with-me'].$get()
  return shared.ok ? (await shared.json()).some((c) => c.clientId === clientId && c.canMessage) : false
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const clientId = params['clientId'] ?? ''
  const [thread, people, sendable] = await Promise.all([
    loadThread(context, request, clientId),
    api(context, request).me['shared-with-me'].$get().then((r) => (r.ok ? r.json() : [])),
    canSend(request, context, user.role, clientId),
  ])
  const mine = user.role === 'worker' ? await api(context, request)['my-clients'].$get().then((r) => (r.ok ? r.json() : [])) : []
  const name = people.find((p) => p.clientId === clientId)?.displayName ?? mine.find((c) => c.id === clientId)?.displayName ?? ''
  return { name, clientId, messages: thread?.messages ?? null, canSend: thread !== null && sendable }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const { status, result } = await sendFromForm(context, request, params['clientId'] ?? '', await request.formData())
  return data(result, { status })
}

export default function ClientMessages() {
  const t = useT()
  const { name, messages, canSend } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/">← {t('messages.back')}</Link>
      </p>
      <h1>
        {t('messages.title')}
        {name ? ` · ${name}` : ''}
      </h1>
      {messages === null ? (
        <p>{t('messages.noAccess', { name })}</p>
      ) : (
        <>
          <p>{t('messages.staffIntro', { name })}</p>
          {!canSend ? <p className="notice">{t('messages.readOnly', { name })}</p> : null}
          <MessageThread messages={messages} result={result} canSend={canSend} showRead />
        </>
      )}
    </div>
  )
}
