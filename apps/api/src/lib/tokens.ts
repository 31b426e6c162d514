import { createHmac, randomBytes, randomInt } from 'node:crypto'

/** 256 random bits, URL-safe: session cookies and invitation links. */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Keyed hash, so the database alone cannot be turned into working tokens. */
export function hashToken(token: string, secret: string): string {
  return createHmac('sha256', secret).update(token).digest('hex')
}

// No 0/O, 1/I/L, 5/S, 8/B: the code is read aloud and written on paper.
const codeAlphabet = '234679ACDEFGHJKMNPQRTUVWXYZ'

/** A short code like "K7M-4PQ-2XA" (about 43 bits), readable aloud. */
export function newInvitationCode(): string {
  let code = ''
  for (let i = 0; i < 9; i++) code += codeAlphabet[randomInt(codeAlphabet.length)]
  return `${code.slice(0, 3)}-${code.slice(3, 6)}-${code.slice(6)}`
}

/** Forgives case, spaces and dashes; the alphabet has no look-alikes to confuse. */
export function normaliseInvitationCode(input: string): string {
  return input.toUpperCase().replace(/[^0-9A-Z]/g, '')
}
