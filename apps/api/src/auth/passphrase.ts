import { hash, verify } from '@node-rs/argon2'
import { dictionary } from '@zxcvbn-ts/language-common'
import { AppError } from '../lib/app-error'

// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane.
// algorithm 2 is Argon2id (a const enum in the library's types, which isolatedModules cannot import).
const argonOptions = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const passphraseMinLength = 10
// Long enough for any passphrase, short enough that hashing cannot be used to tie up the server.
export const passphraseMaxLength = 200

// Common passwords of 10+ characters (shorter ones fail on length anyway), plus Dutch ones the
// English-leaning list misses.
const commonPasswords = new Set<string>([
  ...(dictionary['passwords-common'] as string[]).filter((p) => p.length >= passphraseMinLength),
  'wachtwoord1',
  'wachtwoord12',
  'wachtwoord123',
  'wachtwoord1234',
  'welkom12345',
  'welkom123456',
  'welkomwelkom',
  'geheim12345',
  'nederland123',
  'amsterdam123',
  'rotterdam123',
  'ajax123456',
  'feyenoord123',
  '1234567890',
  'kracht12345',
  'kracht123456',
])

/** NIST SP 800-63B: length and a blocklist, no composition rules. */
export function checkPassphrasePolicy(passphrase: string, context: { username?: string } = {}): void {
  const length = [...passphrase].length
  if (length < passphraseMinLength) {
    throw new AppError('password_too_short', `Use at least ${passphraseMinLength} characters.`, {
      password: 'password_too_short',
    })
  }
  if (length > passphraseMaxLength) {
    throw new AppError('password_too_long', `Use at most ${passphraseMaxLength} characters.`, {
      password: 'password_too_long',
    })
  }
  const lower = passphrase.toLowerCase()
  if (commonPasswords.has(lower) || (context.username !== undefined && context.username.length >= 4 && lower.includes(context.username.toLowerCase()))) {
    throw new AppError('password_too_common', 'This passphrase is too easy to guess.', {
      password: 'password_too_common',
    })
  }
}

export function hashPassphrase(passphrase: string): Promise<string> {
  return hash(passphrase, argonOptions)
}

export async function verifyPassphrase(passwordHash: string, passphrase: string): Promise<boolean> {
  try {
    return await verify(passwordHash, passphrase)
  } catch {
    return false
  }
}

// Verifying against this when the user does not exist keeps the answer time the same, so timing
// does not reveal which usernames exist.
let dummyHash: Promise<string> | null = null
export async function verifyAgainstDummy(passphrase: string): Promise<false> {
  dummyHash ??= hashPassphrase('kracht-dummy-passphrase')
  await verifyPassphrase(await dummyHash, passphrase)
  return false
}
