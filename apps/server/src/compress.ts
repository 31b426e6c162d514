// Compression of the portal's pages (issue 19). Hono's `compress()` pipes the body through the web
// `CompressionStream` (gzip at zlib's default level 6): on the worker's page that cost about 2 ms of
// a 16 ms request, far more than the deflate itself (0.37 ms for the 47 kB page): the chunks of
// React's stream went through two web-stream conversions on the way. Our pages render whole (no
// `defer`, no Suspense: the shell is the page), so the body is read at once, compressed in one call
// on libuv's thread pool (not the server's one JavaScript thread), and sent as one buffer.
//
// Measured on the worker's page of 60 statements (47.1 kB): gzip level 6 7.9 kB in 0.37 ms, level 4
// 8.3 kB in 0.25 ms, level 1 8.7 kB in 0.20 ms; brotli quality 4 7.3 kB in 0.35 ms, quality 3 7.8 kB
// in 0.20 ms. Brotli (which browsers offer over https) at quality 4 is smaller than the old gzip at
// the same cost; gzip at level 4 for the rest.
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Context, MiddlewareHandler } from 'hono'

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)

/** Text worth compressing (Hono's list, shortened to what the portal sends). */
const compressible = /^\s*(?:text\/[^;\s]+|application\/(?:javascript|json|xml|xhtml\+xml|manifest\+json)|image\/svg\+xml)(?:[;\s]|$)/i
const noTransform = /(?:^|,)\s*no-transform\s*(?:,|$)/i
const varyAcceptEncoding = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i

export type PageEncoding = 'br' | 'gzip'

/**
 * The encoding to answer with: brotli when offered, else gzip, else none. An entry with `q=0`
 * refuses that encoding; `*` stands for any encoding not named.
 */
export function chooseEncoding(header: string | undefined): PageEncoding | null {
  if (!header) return null
  const offered = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = params.map((param) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined)
    offered.set(name.trim(), q === undefined ? 1 : Number(q))
  }
  const quality = (name: string) => offered.get(name) ?? offered.get('*') ?? 0
  const br = quality('br')
  const gz = quality('gzip')
  if (br > 0 && br >= gz) return 'br'
  if (gz > 0) return 'gzip'
  return null
}

export interface PageCompressionOptions {
  /** Bodies smaller than this go as they are (a header costs more than it saves). */
  threshold?: number
  gzipLevel?: number
  brotliQuality?: number
}

export function compressBody(body: Uint8Array, encoding: PageEncoding, options: PageCompressionOptions = {}): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: options.brotliQuality ?? 4,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gzipAsync(body, { level: options.gzipLevel ?? 4 })
}

/** Compresses a whole text answer (a page, a resource route's JSON) in one call. */
export function compressPages(options: PageCompressionOptions = {}): MiddlewareHandler {
  const threshold = options.threshold ?? 1024
  return async (c, next) => {
    await next()
    const res = c.res
    const type = res.headers.get('content-type')
    if (
      !res.body ||
      c.req.method === 'HEAD' ||
      res.status === 206 ||
      res.headers.has('content-encoding') ||
      !type ||
      !compressible.test(type) ||
      noTransform.test(res.headers.get('cache-control') ?? '')
    )
      return
    // Whatever it turns out to be, the answer depends on what the browser accepts.
    const vary = res.headers.get('vary')
    if (vary !== '*' && !(vary && varyAcceptEncoding.test(vary))) res.headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding')
    const encoding = chooseEncoding(c.req.header('accept-encoding'))
    const length = res.headers.get('content-length')
    if (!encoding || (length !== null && Number(length) < threshold)) return
    const body = new Uint8Array(await res.arrayBuffer())
    const headers = new Headers(res.headers)
    if (body.byteLength < threshold) return answer(c, new Response(body, { status: res.status, statusText: res.statusText, headers }))
    const compressed = await compressBody(body, encoding, options)
    headers.delete('content-length')
    headers.set('content-encoding', encoding)
    const etag = headers.get('etag')
    if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`)
    answer(c, new Response(new Uint8Array(compressed.buffer as ArrayBuffer, compressed.byteOffset, compressed.byteLength), { status: res.status, statusText: res.statusText, headers }))
  }
}

/**
 * Replaces the answer as it is. (Hono's setter copies the old answer's headers onto a new one, its
 * Content-Length too, and remakes it around its body as a stream: the headers are already here.)
 */
function answer(c: Context, res: Response): void {
  c.res = undefined
  c.res = res
}
