import { OpenAPIHono, z } from '@hono/zod-openapi'
import type { AppEnv } from './env'
import { problemStatus, type Problem, type ProblemCode } from './app-error'

const isProblemCode = (message: string): message is ProblemCode => message in problemStatus

/** Turns a zod failure into our problem shape: one message per field, keyed by the field's path. */
export function validationProblem(error: z.ZodError): Problem {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.join('.') || '_'
    fields[path] ??= issue.message
  }
  const first = Object.entries(fields)[0]
  // A schema may name a specific problem code as its message ("text_too_long"), for clients that switch on it.
  const specific = error.issues.map((issue) => issue.message).find(isProblemCode)
  return {
    code: specific ?? 'validation_failed',
    message: first ? `Invalid input: ${first[0]}: ${first[1]}` : 'Invalid input.',
    fields,
  }
}

/** Every router is made here, so each one validates at the edge and answers problems the same way. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return c.json(validationProblem(result.error), 400)
      return undefined
    },
  })
}

export type AppRouter = ReturnType<typeof createRouter>
