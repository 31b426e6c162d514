import { AssistantError, type AssistantErrorCode, type Safety } from '@kracht/assistant'
import { AppError, type Problem, type ProblemCode } from './app-error'

/**
 * The one place where the assistant engine's error codes become API problems. Most keep their
 * code (clients switch on it); a stored state that cannot be read and a broken prompt file are
 * our fault, not the client's: a 500 without details.
 */
const codeOf: Record<AssistantErrorCode, ProblemCode> = {
  unknown_flow: 'unknown_flow',
  step_mismatch: 'step_mismatch',
  flow_finished: 'flow_finished',
  answer_too_long: 'answer_too_long',
  invalid_answer: 'invalid_answer',
  invalid_context: 'invalid_context',
  invalid_state: 'internal_error',
  prompt_not_found: 'internal_error',
  prompt_invalid: 'internal_error',
}

const messages: Record<AssistantErrorCode, string> = {
  unknown_flow: 'There is no such flow. Choose miracle, strengths, vip or goal.',
  step_mismatch: 'This answer is for a question that is no longer the current one (another tab or a double tap?). Nothing was changed; load the conversation again.',
  flow_finished: 'This conversation has ended. Start a new one.',
  answer_too_long: 'The answer is too long (at most 2,000 characters). Nothing was saved.',
  invalid_answer: 'Send exactly one of: text, choices, skip or dontKnow.',
  invalid_context: 'The context for this flow does not fit.',
  invalid_state: 'This conversation cannot be read. Nothing was changed.',
  prompt_not_found: 'Something went wrong on our side. Nothing was changed.',
  prompt_invalid: 'Something went wrong on our side. Nothing was changed.',
}

/** A problem that carries the help card: the crisis screen fired on an answer that was refused. */
export class SafetyAppError extends AppError {
  constructor(
    code: ProblemCode,
    message: string,
    readonly safety: Safety,
  ) {
    super(code, message)
  }

  override toProblem(): Problem & { safety: Safety } {
    return { ...super.toProblem(), safety: this.safety }
  }
}

export function toAppError(error: AssistantError): AppError {
  const code = codeOf[error.code]
  if (code === 'internal_error') {
    // The log gets the code only: the message may quote stored state.
    console.error(`[assistant] ${error.code}`)
  }
  const message = messages[error.code]
  return error.safety ? new SafetyAppError(code, message, error.safety) : new AppError(code, message)
}

/** Runs engine code and turns its errors into API problems; other errors pass unchanged. */
export async function mapAssistantErrors<T>(run: () => T | Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof AssistantError) throw toAppError(error)
    throw error
  }
}
