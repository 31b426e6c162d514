import { createContext, useContext } from 'react'

/**
 * The CSP nonce of this response, from the server entry. The root loader passes it too, but a page
 * no route matches (404) renders without any loader: without this its inline scripts were blocked
 * and the page never came alive.
 */
export const NonceContext = createContext<string | undefined>(undefined)

export function useNonce(fromLoader: string | undefined): string | undefined {
  const fromServer = useContext(NonceContext)
  return fromLoader ?? fromServer
}
