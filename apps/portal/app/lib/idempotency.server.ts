import { z } from 'zod'

/**
 * The portal's side of idempotency keys. Every writing form carries a hidden `idempotencyKey`, made
 * fresh for each render (components/idempotency-key.tsx); the action sends it to the API as the
 * `Idempotency-Key` header. A double tap, or the browser sending a form again after a lost answer,
 * then makes one statement or message, not two.
 */

const KeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/)
const ProblemCode = z.object({ code: z.string() })

/** The key a form carried, or null (an old page, a hand-made post): the write then runs unkeyed. */
export function formKeyOf(formData: FormData): string | null {
  const parsed = KeySchema.safeParse(formData.get('idempotencyKey'))
  return parsed.success ? parsed.data : null
}

interface Answer {
  status: number
  clone(): { json(): Promise<unknown> }
}

async function codeOf(response: Answer): Promise<string | null> {
  if (response.status !== 409 && response.status !== 422) return null
  try {
    const parsed = ProblemCode.safeParse(await response.clone().json())
    return parsed.success ? parsed.data.code : null
  } catch {
    return null
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Sends a write with the form's key. The second of two quick submits finds the first still running
 * (409 idempotency_in_progress): it waits for the first to finish and then gets the same answer, so
 * the browser (which shows the last answer) shows the saved item, not an error. A key reused for
 * other words (a kept draft sent again after an edit) is a new request: it runs without the key.
 */
export async function keyedWrite<R extends Answer>(formData: FormData, send: (options: { headers: Record<string, string> }) => Promise<R>): Promise<R> {
  const key = formKeyOf(formData)
  if (!key) return send({ headers: {} })
  for (let attempt = 0; ; attempt++) {
    const response = await send({ headers: { 'Idempotency-Key': key } })
    const code = await codeOf(response)
    if (code === 'idempotency_key_reused') return send({ headers: {} })
    if (code !== 'idempotency_in_progress' || attempt >= 40) return response
    await pause(250)
  }
}
