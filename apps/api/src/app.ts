import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { bodyLimit } from 'hono/body-limit'
import { getCookie, deleteCookie } from 'hono/cookie'
import { AppError } from './lib/app-error'
import { createRouter } from './lib/router'
import type { AppEnv, Deps } from './lib/env'
import { requestContext } from './lib/request-context'
import { keepJsonText } from './lib/in-process-answer'
import { lookupSession, sessionCookie, type SessionLookup } from './auth/sessions'
import { accessFactsKey } from './access/facts'
import { totpEnrolmentGate } from './auth/second-factor'
import { healthRouter } from './routes/health/health.index'
import { authRouter } from './routes/auth/auth.index'
import { invitationsRouter } from './routes/invitations/invitations.index'
import { organisationRouter } from './routes/organisation/organisation.index'
import { analyzeRouter } from './routes/analyze/analyze.index'
import { inventoryRouter } from './routes/inventory/inventory.index'
import { assistantRouter } from './routes/assistant/assistant.index'
import { notificationsRouter } from './routes/notifications/notifications.index'
import { consentsRouter } from './routes/consents/consents.index'
import { tokensRouter } from './routes/tokens/tokens.index'
import { caseloadRouter } from './routes/caseload/caseload.index'
import { commentsRouter } from './routes/comments/comments.index'
import { suggestionsRouter } from './routes/suggestions/suggestions.index'
import { reviewsRouter } from './routes/reviews/reviews.index'
import { signaturesRouter } from './routes/signatures/signatures.index'
import { inventoryOverviewRouter } from './routes/inventory-overview/inventory-overview.index'
import { commentRepliesRouter } from './routes/comment-replies/comment-replies.index'
import { careSessionsRouter } from './routes/care-sessions/care-sessions.index'
import { messagesRouter } from './routes/messages/messages.index'
import { sharedWithMeRouter } from './routes/shared-with-me/shared-with-me.index'
import { totpRouter } from './routes/totp/totp.index'
import { signInPolicyRouter } from './routes/sign-in-policy/sign-in-policy.index'
import { safetyPlanRouter } from './routes/safety-plan/safety-plan.index'
import { actionPlanRouter } from './routes/action-plan/action-plan.index'
import { networkRouter } from './routes/network/network.index'
import { trajectoryRouter } from './routes/trajectory/trajectory.index'
import { evaluationsRouter } from './routes/trajectory/evaluations.index'
import { clientDataRouter } from './routes/client-data/client-data.index'
import { livelihoodRouter } from './routes/livelihood/livelihood.index'
import { lookupApiToken } from './services/api-tokens'
import { describeOperations } from './routes/docs/operation-descriptions'
import { renderReferencePage } from './routes/docs/reference-page'
import { rateLimit } from './lib/rate-limit'
import { idempotency, withIdempotencyParameter } from './lib/idempotency'
import { crossSiteCheck } from './lib/cross-site'
import { tokenScopeGuard } from './access/token-scope'
import { errorForLog } from './lib/error-log'

// One line per tag, so a generated client or the reference page can say what each area is for.
const apiTags = [
  { name: 'System', description: 'Health of the running service.' },
  { name: 'Sign-in', description: 'Signing in and out, sessions and passphrases.' },
  { name: 'Authenticator app', description: 'The second factor: enrolling and checking an authenticator app (TOTP).' },
  { name: 'Sign-in policy', description: "The organisation's rules for signing in, such as whether staff must use a second factor." },
  { name: 'Invitations', description: 'Inviting clients and staff, accepting an invitation, and codes to choose a new passphrase.' },
  { name: 'Organisation', description: 'The organisation: its settings, teams, people, and which worker is linked to which client.' },
  { name: 'Language', description: 'Offline analysis of a sentence: form of strength, life domain, suggestions.' },
  { name: 'Inventory', description: "The client's strengths inventory: statements per life domain, priorities, remarks and history." },
  { name: 'Assistant', description: 'The guided conversations (miracle question, forms of strength, VIP card, goal) and their cards.' },
  { name: 'Action plan', description: "The client's action plan: goals, the steps towards them, remarks and a signature." },
  { name: 'Safety plan', description: "The client's safety plan: what helps in a hard moment and who to call." },
  { name: 'Sharing', description: 'Consents, the access log, the caseload, comments, suggestions, reviews and signatures.' },
  { name: 'Sessions', description: 'Sessions a worker plans (one to one or in a group, with a peer expert) and the client\'s own notes on them.' },
  { name: 'Notifications', description: 'What a user is told, such as a client asking to be contacted: who and when, never text.' },
  { name: 'API tokens', description: "Personal read-only tokens for the organisation's own systems." },
  { name: 'Messages', description: 'Short messages between a client and their worker (or a peer expert the client shares them with).' },
  { name: 'Network', description: "The client's VIP card: the people who matter, in four areas and three rings, and resources." },
  { name: 'Trajectory', description: 'The phases of the care arrangement (Krachtwerk, CTI or ICM), moved on by the linked worker.' },
  { name: 'Your data', description: "The client's rights: all their data as one file, and deleting their account." },
  { name: 'Bridge and money', description: "Mobility Mentoring: the client's bridge (five pillars, placed by the client over time) and their money page." },
  { name: 'Evaluation', description: 'Looking back together at an evaluation phase: client and worker each answer the checklist in their own words, then both sign.' },
  { name: 'Team meeting', description: "The team strengths meeting: a sheet prepared from the client's one-day team share, the client's question, and the team's ideas as suggestions." },
  { name: 'Capacity assessment', description: "The worker's assessment of what the client carries and can carry, shown to the client on request." },
]

export const apiInfo = {
  openapi: '3.1.0',
  info: {
    title: 'Kracht API',
    version: '1.0.0',
    description:
      'The API of Kracht, the strengths-based portal for clients of social care. A client shares their data with their worker on consent, and with nobody else. Errors are JSON `{ code, message }` with a stable code.',
    contact: { name: 'The Kracht maintainers' },
  },
  tags: apiTags,
} as const

/**
 * The API under /api/v1. The same factory builds it for the server and for tests, so what is tested
 * is what runs.
 */
/** The client a request is about (`/clients/{id}/…`), when its path names one as a UUID. */
const clientPath = /\/clients\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:\/|$)/i
const clientInPath = (path: string): string | undefined => clientPath.exec(path)?.[1]

/** GET and HEAD requests have no body (the fetch standard's Request refuses one). */
const bodyless = (method: string): boolean => method === 'GET' || method === 'HEAD'

/**
 * `Cache-Control: no-store` on a finished answer, in place when its headers can change (Hono's
 * answers), else through Hono (an answer with immutable headers, such as one from fetch()).
 */
function noStore(c: Context<AppEnv>): void {
  try {
    c.res.headers.set('Cache-Control', 'no-store')
  } catch {
    c.header('Cache-Control', 'no-store')
  }
}

export function createApi(deps: Deps) {
  const app = createRouter()

  // Deps first: every later middleware and handler reads them.
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    c.set('actor', null)
    // The portal's in-process calls read a JSON answer from its own text (lib/in-process-answer.ts).
    if (c.env?.internal) keepJsonText(c)
    await next()
  })
  // A write that another site made the browser send is refused before anything reads it.
  app.use('*', crossSiteCheck())
  // Where the request came from (address, user agent) and who made it, for the access log.
  app.use('*', requestContext())
  // Large bodies are refused before anything parses them. A GET or HEAD has none (a Request cannot
  // carry one), and asking for it would make Node's server build the whole web Request (issue 19).
  const limitBody = bodyLimit({
    maxSize: 64 * 1024,
    onError: (c) => c.json({ code: 'payload_too_large', message: 'The request is too large.' }, 413),
  })
  app.use('*', (c, next) => (bodyless(c.req.method) ? next() : limitBody(c, next)))
  // API answers are about one person: never cached by a browser or proxy. Set on the answer's own
  // headers: Hono's c.header() on a finished answer makes it again around its body as a stream, so
  // every JSON answer went out (and in-process was read back) as a stream instead of one string.
  app.use('*', async (c, next) => {
    await next()
    noStore(c)
  })
  // Who is asking. An expired or unknown cookie is cleared, so the browser stops sending it. A session
  // still waiting for its authenticator code is nobody yet (only /auth/totp reads it).
  const cookie = sessionCookie(deps.config)
  app.use('*', async (c, next) => {
    const token = getCookie(c, cookie.name)
    const facts = c.env?.internal?.accessFacts ?? new Map<string, Promise<unknown>>()
    c.set('accessFacts', facts)
    if (token) {
      const cache = c.env?.internal?.sessions
      // A request about one client: the gate's facts about them come with the session (auth/sessions.ts).
      const factsFor = c.env?.internal?.clientHint ?? clientInPath(c.req.path)
      let lookup = cache?.get(token) as Promise<SessionLookup> | undefined
      if (!lookup) {
        lookup = lookupSession(deps, token, factsFor)
        cache?.set(token, lookup)
      }
      const found = await lookup
      if (found.status === 'active') {
        c.set('actor', { kind: 'session', user: found.user, sessionId: found.sessionId })
        const key = factsFor ? accessFactsKey([factsFor, found.user.id]) : null
        if (key && found.facts && !facts.has(key)) facts.set(key, Promise.resolve(found.facts))
        if (found.mustEnrolTotp) return totpEnrolmentGate(c, next)
      } else if (found.status !== 'second_factor') deleteCookie(c, cookie.name, { path: '/', secure: cookie.secure })
    }
    await next()
  })
  // A personal API token (Authorization: Bearer) acts for its owner, read-only: the organisation's
  // systems fetch what clients shared, through the same gate and the same access log.
  app.use('*', async (c, next) => {
    const header = c.req.header('authorization')
    if (!header) return next()
    const match = /^Bearer\s+(\S+)$/i.exec(header)
    const found = match?.[1] ? await lookupApiToken(deps, match[1]) : null
    if (!found) return c.json({ code: 'token_invalid', message: 'This token is unknown, revoked or ended.' }, 401)
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      return c.json({ code: 'token_read_only', message: 'API tokens can only read.' }, 403)
    }
    c.set('actor', { kind: 'token', user: found.user, tokenId: found.tokenId, scopes: found.scopes })
    await next()
  })
  // Writes per person per minute, counted in the database (shared by every server process).
  app.use('*', rateLimit())
  // A retried write with the same Idempotency-Key gets the first answer instead of running twice.
  // After the rate limit (a refused request is not kept) and the actor (keys are per person).
  app.use('*', idempotency())
  // A token may use only routes that declare a consent read (access/token-scope.ts).
  app.use('*', tokenScopeGuard)

  const routes = app
    .route('/', healthRouter)
    .route('/', authRouter)
    .route('/', invitationsRouter)
    .route('/', organisationRouter)
    .route('/', analyzeRouter)
    .route('/', inventoryRouter)
    .route('/', assistantRouter)
    .route('/', notificationsRouter)
    .route('/', consentsRouter)
    .route('/', tokensRouter)
    .route('/', caseloadRouter)
    .route('/', commentsRouter)
    .route('/', suggestionsRouter)
    .route('/', reviewsRouter)
    .route('/', signaturesRouter)
    .route('/', inventoryOverviewRouter)
    .route('/', commentRepliesRouter)
    .route('/', careSessionsRouter)
    .route('/', messagesRouter)
    .route('/', sharedWithMeRouter)
    .route('/', totpRouter)
    .route('/', signInPolicyRouter)
    .route('/', safetyPlanRouter)
    .route('/', actionPlanRouter)
    .route('/', networkRouter)
    .route('/', trajectoryRouter)
    .route('/', evaluationsRouter)
    .route('/', clientDataRouter)
    .route('/', livelihoodRouter)

  // Built once: the document does not change while the process runs. Each operation's description
  // says who may call it, from the same rule the gate enforces (routes/docs/operation-descriptions.ts);
  // every write says it takes an Idempotency-Key (one parameter in components, referenced by each
  // POST, PUT, PATCH and DELETE).
  let document: ReturnType<typeof app.getOpenAPI31Document> | null = null
  const openApiDocument = () =>
    (document ??= withIdempotencyParameter(
      describeOperations(JSON.parse(JSON.stringify(app.getOpenAPI31Document({ ...apiInfo, servers: [{ url: '/api/v1' }] })))),
    ))
  app.get('/openapi.json', (c) => c.json(openApiDocument()))
  let reference: string | null = null
  app.get('/docs', (c) => {
    reference ??= renderReferencePage(openApiDocument())
    return c.html(reference)
  })

  app.notFound((c) => c.json({ code: 'not_found', message: 'No such route.' }, 404))
  app.onError((error, c) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds) c.header('Retry-After', String(error.retryAfterSeconds))
      return c.json(error.toProblem(), error.status)
    }
    if (error instanceof HTTPException) {
      // Hono's validators throw this for unreadable JSON or form bodies.
      const code = error.status === 415 ? 'unsupported_media_type' : error.status === 413 ? 'payload_too_large' : 'invalid_json'
      return c.json({ code, message: 'The request body could not be read as JSON.' }, error.status === 415 || error.status === 413 ? error.status : 400)
    }
    // The details go to the server log without request data or a failed query's values (lib/error-log.ts).
    console.error(`[api] unexpected error on ${c.req.method} ${c.req.routePath}: ${errorForLog(error)}`)
    return c.json({ code: 'internal_error', message: 'Something went wrong on our side. Nothing was changed.' }, 500)
  })

  return routes
}

export type Api = ReturnType<typeof createApi>
