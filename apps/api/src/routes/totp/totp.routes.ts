import { createRoute, z } from '@hono/zod-openapi'
import { commonProblems, jsonBody, jsonResponse, LineSchema, problemResponse } from '../../lib/schemas'

const tags = ['Authenticator app']

const PasswordBody = z.object({ password: z.string().min(1, 'required').max(1000, 'too_long') }).openapi('PasswordAgainBody')

export const TotpStatusSchema = z
  .object({
    enabled: z.boolean(),
    enabledAt: z.string().datetime().nullable(),
    required: z.boolean().openapi({ description: 'The organisation requires an authenticator app for staff' }),
    recoveryCodesLeft: z.number().int(),
  })
  .openapi('TotpStatus')

export const status = createRoute({
  operationId: 'status',
  method: 'get',
  path: '/me/totp',
  tags,
  summary: 'Whether my account uses an authenticator app',
  responses: { 200: jsonResponse(TotpStatusSchema, 'Status'), ...commonProblems },
})

export const setup = createRoute({
  operationId: 'setup',
  method: 'post',
  path: '/me/totp/setup',
  tags,
  summary: 'Start setting up an authenticator app (staff; asks for the passphrase again). The key is shown only now',
  request: { body: jsonBody(PasswordBody) },
  responses: {
    200: jsonResponse(
      z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string().openapi({ description: 'The otpauth link as a QR code, inline SVG' }) }).openapi('TotpSetup'),
      'Scan the QR code or type the key, then confirm with a code',
    ),
    ...commonProblems,
    409: problemResponse('totp_already_on'),
    429: problemResponse('Too many wrong passphrases'),
  },
})

export const confirm = createRoute({
  operationId: 'confirm',
  method: 'post',
  path: '/me/totp/confirm',
  tags,
  summary: 'Confirm the set-up with a code from the app; returns the recovery codes once',
  request: { body: jsonBody(z.object({ code: LineSchema.trim().min(1, 'required').max(20, 'too_long') }).openapi('TotpConfirmBody')) },
  responses: {
    200: jsonResponse(z.object({ recoveryCodes: z.array(z.string()) }).openapi('TotpRecoveryCodes'), 'On; keep these codes somewhere safe'),
    ...commonProblems,
    409: problemResponse('totp_not_started or totp_already_on'),
    429: problemResponse('Too many wrong codes'),
  },
})

export const disable = createRoute({
  operationId: 'disable',
  method: 'post',
  path: '/me/totp/disable',
  tags,
  summary: 'Turn the authenticator app off (asks for the passphrase; not while the organisation requires it)',
  request: { body: jsonBody(PasswordBody) },
  responses: {
    204: { description: 'Off' },
    ...commonProblems,
    409: problemResponse('totp_required_by_organisation'),
    429: problemResponse('Too many wrong passphrases'),
  },
})
