import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { useActionAnswer } from '../forms/answer'
import { requireRole } from '../lib/auth.server'
import { api } from '../lib/api.server'
import { jsonOrThrow } from '../lib/api-failure.server'
import { useT, pageTitle } from '../lib/i18n'
import { loadThread, threadAction } from '../lib/messages.server'
import { MessageThread } from '../components/message-thread'
import assistantStyles from '../styles/assistant.css?url'
import safetyStyles from '../styles/safety.css?url'

export const meta: MetaFunction = pageTitle('titles.berichten')
// The help card after a message that fired the screen is the assistant's card, with its styles.
export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: assistantStyles },
  { rel: 'stylesheet', href: safetyStyles },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  // Without a linked worker nobody reads along yet: the page says so rather than promise a reader.
  const [thread, workers] = await Promise.all([
    loadThread(context, request, user.id),
    jsonOrThrow(api(context, request).clients[':clientId'].workers.$get({ param: { clientId: user.id } })),
  ])
  return { messages: thread?.messages ?? [], hasWorker: workers.length > 0 }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, context, 'client')
  const { status, result } = await threadAction(context, request, user.id, '/berichten')
  return data(result, { status })
}

export default function Messages() {
  const t = useT()
  const { messages, hasWorker } = useLoaderData<typeof loader>()
  const result = useActionAnswer<typeof action>()
  const [params] = useSearchParams()
  const changed = params.get('aangepast') ? 'edited' : params.get('verwijderd') ? 'removed' : null
  return (
    <div className="page page--narrow">
      <p className="breadcrumb">
        <Link to="/">← {t('messages.back')}</Link>
      </p>
      <h1>{t('messages.title')}</h1>
      <p>{t(hasWorker ? 'messages.clientIntro' : 'messages.clientIntroNoWorker')}</p>
      <MessageThread messages={messages} result={result} canSend showRead={false} changed={changed} />
    </div>
  )
}
