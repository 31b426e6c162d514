import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { api } from '../lib/api.server'
import { z } from 'zod'
import { requireRole } from '../lib/auth.server'
import { useT, pageTitle } from '../lib/i18n'
import { loadThread, threadAction } from '../lib/messages.server'
import { MessageThread } from '../components/message-thread'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'
import { jsonOrThrow } from '../lib/api-failure.server'

export const meta: MetaFunction = pageTitle('titles.berichten')
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

const Params = z.object({ clientId: z.string().uuid() })

/**
 * The thread, and who the client is to this reader: a linked worker may always write; anyone else
 * only on a messages share with comment access. The name comes from the reader's own lists, so a
 * forged or foreign id never reveals whose it is.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const client = api(context, request)
  const [thread, shared, mine] = await Promise.all([
    loadThread(context, request, clientId),
    jsonOrThrow(client.me['shared-with-me'].$get({ query: { clientId } })),
    user.role === 'worker' ? jsonOrThrow(client['my-clients'].$get()) : Promise.resolve([]),
  ])
  const share = shared.find((entry) => entry.clientId === clientId)
  const linked = mine.find((entry) => entry.id === clientId)
  const name = share?.displayName ?? linked?.displayName ?? null
  return { name, clientId, messages: thread?.messages ?? null, canSend: thread !== null && (Boolean(linked) || Boolean(share?.canMessage)) }
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  await requireRole(request, context, 'worker', 'peer')
  const parsed = Params.safeParse(params)
  if (!parsed.success) throw new Response('not found', { status: 404 })
  const { clientId } = parsed.data
  const { status, result } = await threadAction(context, request, clientId, `/clienten/${clientId}/berichten`)
  return data(result, { status })
}

export default function ClientMessages() {
  const t = useT()
  const { name, messages, canSend } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const changed = params.get('aangepast') ? 'edited' : params.get('verwijderd') ? 'removed' : null
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
        <p>{name ? t('messages.noAccess', { name }) : t('messages.noAccessUnknown')}</p>
      ) : (
        <>
          <p>{t('messages.staffIntro', { name: name ?? '' })}</p>
          {!canSend ? <p className="notice">{t('messages.readOnly', { name: name ?? '' })}</p> : null}
          <MessageThread messages={messages} result={result} canSend={canSend} showRead changed={changed} />
        </>
      )}
    </div>
  )
}
