/**
 * The one gate for every path the portal sends someone back to after an action (`terug` after
 * sign-in or a language switch). Only a path on this site passes; anything else becomes the fallback.
 *
 * Why so strict: browsers forgive a lot in a Location header. They drop tabs and newlines
 * (`/\t/evil.example` becomes `//evil.example`), read a backslash as a slash (`/\evil.example`), and
 * some proxies decode `%2F` before the browser sees it. Each of these turns a "path" into another
 * site. A real return path of ours never needs any of those characters, so they are refused outright
 * instead of cleaned up.
 */
export function safeReturnPath(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || target.length === 0 || target.length > 2000) return fallback
  if (!target.startsWith('/')) return fallback
  // Whitespace and control characters anywhere, backslashes, and encoded slashes or backslashes.
  if (/[\s\p{Cc}\p{Cf}\\]/u.test(target) || /%(2f|5c)/i.test(target)) return fallback
  // Protocol-relative (`//host`) after the characters above are gone.
  if (target.startsWith('//')) return fallback
  // Last check with a real URL parser: the path must stay on the same origin.
  const base = 'http://kracht.invalid'
  try {
    if (new URL(target, base).origin !== base) return fallback
  } catch {
    return fallback
  }
  return target
}
