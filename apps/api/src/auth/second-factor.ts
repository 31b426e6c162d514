import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import type { Context, Next } from 'hono'
import type { AppEnv } from '../lib/env'

/**
 * The key that encrypts TOTP secrets at rest, derived from the server's secret: a copy of the
 * database alone does not give anyone the authenticator codes of the staff.
 */
function keyFor(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'kracht-totp', 'totp-secret-encryption', 32))
}

/** AES-256-GCM; stored as `v1.<iv>.<tag>.<ciphertext>` in base64url. */
export function encryptTotpSecret(plain: string, serverSecret: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(serverSecret), iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.')
}

/** Null when it cannot be read (another server key): the person then uses a recovery code. */
export function decryptTotpSecret(stored: string, serverSecret: string): string | null {
  const [version, iv, tag, data] = stored.split('.')
  if (version !== 'v1' || !iv || !tag || !data) return null
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(serverSecret), Buffer.from(iv, 'base64url'))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}

// What a staff member who must still set up an authenticator app can reach: who they are, the set-up
// itself, and signing out.
const allowedWhileEnrolling = [/^\/me$/, /^\/me\/totp(\/(setup|confirm))?$/, /^\/auth\/logout(-everywhere)?$/]

/**
 * The organisation requires TOTP for staff and this person has none yet: everything else answers
 * 403 `totp_enrolment_required`, and every answer carries `X-Kracht-Totp: enrol` so the portal can
 * send them to the set-up page.
 */
export async function totpEnrolmentGate(c: Context<AppEnv>, next: Next) {
  c.header('X-Kracht-Totp', 'enrol')
  const path = c.req.path.replace(/^\/api\/v1(?=\/)/, '')
  if (!allowedWhileEnrolling.some((pattern) => pattern.test(path))) {
    return c.json({ code: 'totp_enrolment_required', message: 'Your organisation asks you to set up an authenticator app first.' }, 403)
  }
  await next()
}
