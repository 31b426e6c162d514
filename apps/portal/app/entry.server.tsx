import { Writable } from 'node:stream'
import type { AppLoadContext, EntryContext } from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
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
  const nonce = loadContext.nonce
  // The page's texts (a chunk per route and language, texts/vite-plugin.ts) are fetched beside the
  // route modules rather than after them. A header, not a <link>: the document React hydrates stays
  // exactly what it renders.
  const routeIds = remixContext.staticHandlerContext.matches.map((match) => match.route.id)
  for (const href of textChunksFor(routeIds, requestLocale(request))) responseHeaders.append('Link', `<${href}>; rel=modulepreload`)
  // The whole page in one buffer (issue 19). No page defers data or waits in a Suspense boundary,
  // so the shell is the page and a stream only cut it in pieces: each went through a web stream to
  // the socket (and through the compression's), which cost more than rendering some statements.
  // One buffer goes out in one write, and compress.ts compresses it in one call. (A page that
  // starts to stream something late must bring back a streamed answer for the pages that do.)
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    // Set once the render has started (React calls back on a later turn); cleared when it is done.
    const abortAfter: { timer?: ReturnType<typeof setTimeout> } = {}
    const chunks: Buffer[] = []
    const page = new Writable({
      write(chunk: Buffer | string, _encoding, done) {
        chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
        done()
      },
      final(done) {
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
        // Pages show one person's data: never kept by a shared cache or the back button of a shared phone.
        if (!responseHeaders.has('Cache-Control')) responseHeaders.set('Cache-Control', 'private, no-store')
        const body = Buffer.concat(chunks)
        resolve(new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength), { headers: responseHeaders, status: responseStatusCode }))
        done()
      },
    })
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={streamTimeout} nonce={nonce} />
      </NonceContext.Provider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true
        },
        onAllReady() {
          clearTimeout(abortAfter.timer)
          pipe(page)
        },
        onShellError(error: unknown) {
          clearTimeout(abortAfter.timer)
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // An error in the shell goes to Remix through onShellError, which logs it.
          if (shellRendered) console.error('[portal] render error:', error instanceof Error ? error.message : error)
        },
      },
    )
    abortAfter.timer = setTimeout(abort, streamTimeout + 1000)
  })
}
