import type { Context } from 'hono'
import ipaddr from 'ipaddr.js'
import type { AppEnv } from './env'

/**
 * The address a request comes from, as rate limits count it. The server puts the socket's peer at the
 * right end of what X-Forwarded-For says; each trusted proxy of ours appended the address it saw.
 * Counting `trustedProxies` hops from the right gives the first address written by someone we trust;
 * everything to its left was sent by the client and can be forged, so it is never used.
 */
export function resolveClientAddress(input: {
  forwardedFor: string | undefined
  remoteAddress: string | undefined
  trustedProxies: number
}): string {
  const hops = input.trustedProxies > 0 ? (input.forwardedFor ?? '').split(',').map((hop) => hop.trim()).filter(Boolean) : []
  const chain = [...hops, input.remoteAddress ?? '']
  // More trusted proxies than hops: a request that skipped a proxy; its leftmost hop is the best we have.
  const picked = chain[Math.max(0, chain.length - 1 - input.trustedProxies)] ?? ''
  return groupAddress(picked)
}

/**
 * One key per person-sized network: an IPv6 user gets a whole /64 and can pick a new address in it
 * for every request, so IPv6 addresses are grouped by their /64. IPv4-mapped IPv6 counts as IPv4.
 */
export function groupAddress(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (!ipaddr.isValid(bare)) return 'unknown'
  let parsed = ipaddr.parse(bare)
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address()
  if (parsed.kind() === 'ipv4') return parsed.toString()
  const parts = (parsed as ipaddr.IPv6).parts.slice(0, 4).map((part) => part.toString(16))
  return `${parts.join(':')}::/64`
}

/**
 * The address used for rate limits. In-process calls from the portal carry the browser's address,
 * resolved by the server with the same function; direct API calls are resolved here.
 */
export function clientIp(c: Context<AppEnv>): string {
  const internal = c.env?.internal
  if (internal) return internal.clientIp
  return resolveClientAddress({
    forwardedFor: c.req.header('x-forwarded-for'),
    remoteAddress: c.env?.incoming?.socket?.remoteAddress,
    trustedProxies: c.get('deps').config.trustedProxies,
  })
}
