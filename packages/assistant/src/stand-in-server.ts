import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in OpenAI-compatible model server for tests: listens on localhost, records every
 * request (path and JSON body) and answers Chat Completions with whatever the test sets. Used to
 * prove what really leaves the server, byte for byte, through the real provider code.
 */
export interface StandInServer {
  /** The base URL to put in OPENAI_BASE_URL. */
  url: string
  requests: Array<{ path: string; body: Record<string, unknown> }>
  /** What the model "writes" (the JSON text of its structured output), or a status to fail with. */
  reply: { content: string; delayMs?: number; status?: number }
  /** Every message text the server was sent, as one string (system and user prompts). */
  sentText(): string
  close(): Promise<void>
}

export async function startStandInServer(): Promise<StandInServer> {
  const state: StandInServer = {
    url: '',
    requests: [],
    reply: { content: JSON.stringify({ question: '', reformulations: [] }) },
    sentText() {
      return state.requests.map((r) => JSON.stringify(r.body)).join('\n')
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      let body: Record<string, unknown> = {}
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>
      } catch {
        body = { unparsable: true }
      }
      state.requests.push({ path: req.url ?? '', body })
      const { content, delayMs = 0, status = 200 } = state.reply
      const timer = setTimeout(() => {
        if (res.destroyed) return
        res.writeHead(status, { 'content-type': 'application/json' })
        if (status !== 200) {
          res.end(JSON.stringify({ error: { message: 'stand-in failure', type: 'server_error' } }))
          return
        }
        res.end(
          JSON.stringify({
            id: 'chatcmpl-standin',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: typeof body.model === 'string' ? body.model : 'stand-in',
            choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          }),
        )
      }, delayMs)
      res.on('close', () => clearTimeout(timer))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
  return state
}
