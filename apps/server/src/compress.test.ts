import { gunzipSync, brotliDecompressSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { chooseEncoding, compressPages } from './compress'

const page = `<!DOCTYPE html><html><body>${'<p>Ik kan koken voor mijn buren.</p>'.repeat(200)}</body></html>`

function app() {
  const app = new Hono()
  app.use('*', compressPages())
  app.get('/page', (c) => c.html(page))
  app.get('/small', (c) => c.html('<p>kort</p>'))
  app.get('/stream', () => {
    const bytes = new TextEncoder().encode(page)
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 100))
        controller.enqueue(bytes.slice(100))
        controller.close()
      },
    })
    return new Response(body, { headers: { 'content-type': 'text/html; charset=utf-8', 'set-cookie': 'a=1' } })
  })
  app.get('/png', (c) => c.body(new Uint8Array(4000), 200, { 'content-type': 'image/png' }))
  app.get('/no-transform', (c) => c.html(page, 200, { 'cache-control': 'no-transform' }))
  return app
}

describe('chooseEncoding', () => {
  it('prefers brotli, then gzip, and honours q=0 and *', () => {
    expect(chooseEncoding(undefined)).toBeNull()
    expect(chooseEncoding('gzip, deflate, br')).toBe('br')
    expect(chooseEncoding('gzip, deflate')).toBe('gzip')
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip')
    expect(chooseEncoding('gzip;q=0')).toBeNull()
    expect(chooseEncoding('identity')).toBeNull()
    expect(chooseEncoding('*')).toBe('br')
    expect(chooseEncoding('*, br;q=0')).toBe('gzip')
    expect(chooseEncoding('br;q=0.5, gzip;q=0.8')).toBe('gzip')
  })
})

describe('compressPages', () => {
  it('answers brotli or gzip that decodes to the same page, without a stale length', async () => {
    for (const [accept, decode] of [
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ] as const) {
      const res = await app().request('/page', { headers: { 'accept-encoding': accept } })
      expect(res.headers.get('content-encoding')).toBe(accept)
      expect(res.headers.get('vary')).toBe('Accept-Encoding')
      expect(res.headers.get('content-length')).toBeNull()
      const body = Buffer.from(await res.arrayBuffer())
      expect(body.length).toBeLessThan(page.length / 5)
      expect(decode(body).toString()).toBe(page)
    }
  })

  it('reads a streamed body whole and keeps its headers', async () => {
    const res = await app().request('/stream', { headers: { 'accept-encoding': 'gzip' } })
    expect(res.headers.get('set-cookie')).toBe('a=1')
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(page)
  })

  it('leaves alone what it should not compress', async () => {
    const plain = await app().request('/page')
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(plain.headers.get('vary')).toBe('Accept-Encoding')
    expect(await plain.text()).toBe(page)
    for (const path of ['/small', '/png', '/no-transform']) {
      const res = await app().request(path, { headers: { 'accept-encoding': 'gzip, br' } })
      expect(res.headers.get('content-encoding'), path).toBeNull()
    }
    const head = await app().request('/page', { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } })
    expect(head.headers.get('content-encoding')).toBeNull()
  })
})
