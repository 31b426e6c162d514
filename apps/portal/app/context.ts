import type { hc } from 'hono/client'
import type { Api } from '@kracht/api'

/** The API, called in-process with the browser's cookie. Typed from the API's own routes. */
export type ApiClient = ReturnType<typeof hc<Api>>

/** What the server hands every loader and action. */
export interface PortalLoadContext {
  /** The CSP nonce of this response, for the scripts Remix writes into the page. */
  nonce: string
  apiFor(request: Request): ApiClient
  /** PUBLIC_URL is https: the portal's own cookies get `Secure` too (the session cookie is the API's). */
  secureCookies?: boolean
  /**
   * Set only while a page is read (GET, HEAD), never around an action: what every loader of the page
   * asks alike (who is signed in) is fetched once and shared (lib/auth.server.ts).
   */
  once?: Map<string, Promise<unknown>>
}

declare module '@remix-run/node' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends PortalLoadContext {}
}
