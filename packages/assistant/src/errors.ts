import type { Safety } from './types'

/** The closed list of error codes the assistant throws. The API maps each to an HTTP status once. */
export const assistantErrorCodes = [
  /** The flow id is not one of `flowIds`. */
  'unknown_flow',
  /** The answer is for a step that is not the current step (double submit, old tab). */
  'step_mismatch',
  /** The answer text is longer than `MAX_ANSWER_LENGTH` characters. */
  'answer_too_long',
  /** The answer does not have the expected shape. */
  'invalid_answer',
  /** The start context (domains, priority, names) does not have the expected shape. */
  'invalid_context',
  /** The stored state cannot be read (corrupt, or from an incompatible version). */
  'invalid_state',
  /** The flow has already ended; start a new conversation. */
  'flow_finished',
  /** A prompt or text file is missing. */
  'prompt_not_found',
  /** A prompt or text file is malformed, or a placeholder has no value. */
  'prompt_invalid',
] as const
export type AssistantErrorCode = (typeof assistantErrorCodes)[number]

/**
 * The one error class of the package. `code` is stable; `message` is for logs, not for clients.
 * When the crisis screen fired on the answer that caused the error, `safety` carries the help
 * the caller must still show.
 */
export class AssistantError extends Error {
  override readonly name = 'AssistantError'
  readonly code: AssistantErrorCode
  safety: Safety | null

  constructor(code: AssistantErrorCode, message?: string, options?: { cause?: unknown; safety?: Safety | null }) {
    super(message ?? code, options?.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.safety = options?.safety ?? null
  }

  static is(error: unknown, code?: AssistantErrorCode): error is AssistantError {
    return error instanceof AssistantError && (code === undefined || error.code === code)
  }
}
