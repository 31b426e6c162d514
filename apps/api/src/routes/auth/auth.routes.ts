import { createRoute, z } from '@hono/zod-openapi'
import { commonProblems, jsonBody, jsonResponse, problemResponse, UserSchema, LineSchema } from '../../lib/schemas'

const tags = ['Sign-in']

export const SecondStepSchema = z.object({ next: z.literal('totp') }).openapi('SignInSecondStep')

export const LoginBody = z
  .object({
    // Generous limits: the point is a clear answer, not a 10 kB string reaching the database.
    username: LineSchema.trim().min(1, 'required').max(100, 'too_long'),
    password: z.string().min(1, 'required').max(1000, 'too_long'),
  })
  .openapi('LoginBody')

export const login = createRoute({
  operationId: 'login',
  method: 'post',
  path: '/auth/login',
  tags,
  summary: 'Sign in with username and passphrase; sets the session cookie',
  request: { body: jsonBody(LoginBody) },
  responses: {
    200: jsonResponse(UserSchema, 'Signed in. `X-Kracht-Notice: access-reset` when a new code was given for this account since'),
    202: jsonResponse(SecondStepSchema, 'Passphrase right; now send the authenticator code to /auth/totp (within 5 minutes)'),
    400: commonProblems[400],
    401: problemResponse('Unknown username or wrong passphrase (the same answer for both)'),
    429: problemResponse('Too many failed attempts for this account and address, or from this address'),
  },
})

export const TotpCodeBody = z
  .object({ code: LineSchema.trim().min(1, 'required').max(20, 'too_long').openapi({ description: 'Six digits from the app, or a recovery code' }) })
  .openapi('TotpCodeBody')

export const signInTotp = createRoute({
  operationId: 'signInTotp',
  method: 'post',
  path: '/auth/totp',
  tags,
  summary: 'Second sign-in step for staff with an authenticator app: the code, or one recovery code',
  request: { body: jsonBody(TotpCodeBody) },
  responses: {
    200: jsonResponse(UserSchema, 'Signed in'),
    400: commonProblems[400],
    401: problemResponse('second_factor_expired: sign in with the passphrase again'),
    429: problemResponse('Too many wrong codes'),
  },
})

export const logout = createRoute({
  operationId: 'logout',
  method: 'post',
  path: '/auth/logout',
  tags,
  summary: 'Sign out on this device',
  responses: { 204: { description: 'Signed out' } },
})

export const logoutEverywhere = createRoute({
  operationId: 'logoutEverywhere',
  method: 'post',
  path: '/auth/logout-everywhere',
  tags,
  summary: 'Sign out on every device',
  responses: { 204: { description: 'All sessions ended' }, 401: commonProblems[401] },
})

export const ChangePasswordBody = z
  .object({
    currentPassword: z.string().min(1, 'required').max(1000, 'too_long'),
    newPassword: z.string().min(1, 'required').max(1000, 'too_long'),
  })
  .openapi('ChangePasswordBody')

export const changePassword = createRoute({
  operationId: 'changePassword',
  method: 'post',
  path: '/auth/password',
  tags,
  summary: 'Change my passphrase; other devices are signed out',
  request: { body: jsonBody(ChangePasswordBody) },
  responses: {
    204: { description: 'Changed' },
    400: commonProblems[400],
    401: commonProblems[401],
    429: problemResponse('Too many wrong current passphrases'),
  },
})

export const me = createRoute({
  operationId: 'me',
  method: 'get',
  path: '/me',
  tags,
  summary: 'Who am I?',
  responses: { 200: jsonResponse(UserSchema, 'The signed-in user'), 401: commonProblems[401] },
})
