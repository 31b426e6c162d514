import { PassThrough } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { createReadableStreamFromReadable } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { requestLocale } from './lib/i18n'
import { NonceContext } from './lib/nonce'
import { textChunksFor } from './lib/route-text-chunks.server'

const streamTimeout = 5_000

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // Bots and no-JS clients get the whole page at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  const nonce = loadContext.nonce
  // The page's texts (a chunk per route and language, texts/vite-plugin.ts) are fetched beside the
  // route modules rather than after them. A header, not a <link>: the document React hydrates stays
  // exactly what it renders.
  const routeIds = remixContext.staticHandlerContext.matches.map((match) => match.route.id)
  for (const href of textChunksFor(routeIds, requestLocale(request))) responseHeaders.append('Link', `<${href}>; rel=modulepreload`)
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          // Pages show one person's data: never kept by a shared cache or the back button of a shared phone.
          if (!responseHeaders.has('Cache-Control')) responseHeaders.set('Cache-Control', 'private, no-store')
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }))
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error('[portal] render error:', error instanceof Error ? error.message : error)
        },
      },
    )
    setTimeout(abort, streamTimeout + 1000)
  })
}
