import type { ContentfulStatusCode } from 'hono/utils/http-status'

/**
 * The closed list of problem codes the API answers with. Clients (the portal, the organisation's
 * systems) switch on these, so a code is never renamed; new ones are added.
 */
export const problemStatus = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  unsupported_media_type: 415,
  text_too_long: 400,
  unknown_locale: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  session_expired: 401,
  forbidden: 403,
  not_found: 404,
  username_taken: 409,
  version_conflict: 409,
  domain_set_in_use: 409,
  invitation_invalid: 410,
  invitation_expired: 410,
  invitation_used: 410,
  invitation_withdrawn: 410,
  password_too_short: 400,
  password_too_long: 400,
  password_too_common: 400,
  password_wrong: 400,
  too_many_attempts: 429,
  too_many_requests: 429,
  cross_site_request: 403,
  payload_too_large: 413,
  internal_error: 500,
  // The assistant (AssistantError codes, mapped in lib/assistant-errors.ts) and its proposals.
  unknown_flow: 400,
  step_mismatch: 409,
  flow_finished: 409,
  answer_too_long: 400,
  invalid_answer: 400,
  invalid_context: 400,
  proposal_decided: 409,
  // Sharing on consent: consents, tokens, suggestions, signatures, care sessions.
  unknown_grantee: 400,
  grantee_other_organisation: 400,
  grantee_not_linked: 400,
  grantee_role_not_allowed: 400,
  unknown_scope: 400,
  unknown_life_domain: 400,
  ends_in_past: 400,
  consent_already_revoked: 409,
  // A share again whose sender saw another share with that person (or none): nothing replaced.
  share_changed: 409,
  token_read_only: 403,
  token_scope: 403,
  token_invalid: 401,
  token_already_revoked: 409,
  suggestion_decided: 409,
  suggestions_open: 409,
  already_signed: 409,
  not_a_participant: 400,
  session_not_started: 409,
  session_cancelled: 409,
  // Coordinators end staff accounts; such an account cannot sign in.
  account_deactivated: 403,
  // Staff sign-in (TOTP) and access resets.
  totp_enrolment_required: 403,
  totp_code_wrong: 400,
  totp_not_started: 409,
  totp_already_on: 409,
  totp_required_by_organisation: 409,
  second_factor_expired: 401,
  reset_awaiting_approval: 409,
  reset_not_awaiting_approval: 409,
  reset_approver_same_person: 403,
  // The trajectory (phases, evaluations together, the team strengths meeting).
  unknown_trajectory_model: 400,
  trajectory_exists: 409,
  trajectory_not_started: 409,
  trajectory_last_phase: 409,
  phase_changed: 409,
  not_an_evaluation_phase: 409,
  evaluation_signed: 409,
  no_team_share: 409,
  unknown_evaluation_item: 400,
  evaluation_exists: 409,
  evaluation_incomplete: 409,
  // The client's own rights: deleting the account asks for the passphrase (403: nothing changed).
  account_password_wrong: 403,
  // Idempotency keys on writes (lib/idempotency.ts).
  idempotency_key_invalid: 400,
  idempotency_key_reused: 422,
  idempotency_in_progress: 409,
} as const satisfies Record<string, ContentfulStatusCode>

export type ProblemCode = keyof typeof problemStatus

export interface Problem {
  code: ProblemCode
  message: string
  /** Per-field messages for validation problems (field path → message). */
  fields?: Record<string, string>
}

/** The one error type domain code throws; mapped to HTTP in one place (the app's onError). */
export class AppError extends Error {
  override name = 'AppError'
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }

  get status(): ContentfulStatusCode {
    return problemStatus[this.code]
  }

  toProblem(): Problem {
    return { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) }
  }
}
