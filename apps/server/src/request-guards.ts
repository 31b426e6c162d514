import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { isCrossSiteRequest, publicOriginOf } from '@kracht/api'
import { localeFromAcceptLanguage, translator, isLocale, type Locale, type MessageKey } from '@kracht/i18n'

/**
 * Checks on the portal's own requests, before Remix runs an action. (The API under /api/v1 has the
 * same checks in its own middleware, answering JSON problems; these answer pages people can read.)
 */

/** The largest form the portal takes: its longest text (an assistant answer) with room to spare. */
export const portalBodyLimitBytes = 256 * 1024

const isApi = (c: Context) => c.req.path === '/api' || c.req.path.startsWith('/api/')

function localeOf(c: Context): Locale {
  // The language cookie is SameSite=Lax like the session: often absent on a cross-site post.
  const fromCookie = /(?:^|;\s*)kracht_lang=(\w+)/.exec(c.req.header('cookie') ?? '')?.[1]
  return isLocale(fromCookie) ? fromCookie : localeFromAcceptLanguage(c.req.header('accept-language'))
}

const escape = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)

/** A small page without scripts: the portal did not run, so nothing of it is needed. */
function refusalPage(c: Context, status: 400 | 403 | 413 | 415, title: MessageKey, text: MessageKey) {
  const locale = localeOf(c)
  const t = translator(locale)
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t(title))} – Kracht</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}a{color:#0b5394}</style>
</head><body><main><h1>${escape(t(title))}</h1><p>${escape(t(text))}</p><p><a href="/">${escape(t('edge.toStart'))}</a></p></main></body></html>`
  c.header('Cache-Control', 'no-store')
  return c.html(html, status)
}

/** A form post from another site is refused with a page that says so; the action never runs. */
export function portalCrossSiteCheck(publicUrl: string): MiddlewareHandler {
  const publicOrigin = publicOriginOf(publicUrl)
  return async (c, next) => {
    if (isApi(c)) return next()
    if (isCrossSiteRequest({ method: c.req.method, header: (name) => c.req.header(name), publicOrigin })) {
      return refusalPage(c, 403, 'edge.crossSiteTitle', 'edge.crossSiteText')
    }
    return next()
  }
}

/**
 * Every portal request body is capped. A declared Content-Length over the cap is refused at once,
 * before a byte is read; a body without one is counted while it streams and cut off at the cap.
 */
export function portalBodyLimit(): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: portalBodyLimitBytes,
    onError: (c) => refusalPage(c, 413, 'edge.tooLargeTitle', 'edge.tooLargeText'),
  })
  // A GET or HEAD has no body (a Request cannot carry one); asking for it would make Node's server
  // build the whole web Request for every page (issue 19).
  return async (c, next) => (isApi(c) || c.req.method === 'GET' || c.req.method === 'HEAD' ? next() : limit(c, next))
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])
const formType = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i

/**
 * A portal page takes forms only: what a browser sends from a page's <form>. Any other body (JSON,
 * plain text, none at all, or a broken multipart form) made every action fail on reading it and
 * answer 500; now it gets a page that says nothing was changed, and the action never runs. Runs
 * after the body limit, so a multipart body read here to check it is at most the cap.
 */
export function portalFormBody(): MiddlewareHandler {
  return async (c, next) => {
    if (isApi(c) || safeMethods.has(c.req.method.toUpperCase())) return next()
    const type = c.req.header('content-type') ?? ''
    const match = formType.exec(type)
    if (!match) return refusalPage(c, 415, 'edge.notAFormTitle', 'edge.notAFormText')
    if (match[1]!.toLowerCase() === 'multipart/form-data') {
      try {
        await c.req.raw.clone().formData()
      } catch {
        return refusalPage(c, 400, 'edge.notAFormTitle', 'edge.notAFormText')
      }
    }
    return next()
  }
}
