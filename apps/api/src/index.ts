export { createApi, apiInfo, type Api } from './app'
export { loadConfig, appMode, ConfigError, type AppMode, type Config } from './lib/config'
export { instanceSecret, InstanceSecretError } from './lib/instance-secret'
export { refuseDemoDataInProduction, durabilityProblems, showSetting } from './lib/startup-checks'
export { resolveClientAddress } from './lib/client-ip'
export type { Deps, PublicUser, InternalCall, AppEnv } from './lib/env'
export { accessLogBatch } from './lib/access-log'
export { inProcessAnswer } from './lib/in-process-answer'
export { AppError, type ProblemCode, type Problem } from './lib/app-error'
export { deleteExpiredSessions } from './auth/sessions'
export { hashPassphrase } from './auth/passphrase'
export { seedDemoContent } from './demo'
// The server builds the assistant's model once at start; re-exported so it needs no direct dependency.
export { createModelFromEnv } from '@kracht/assistant'
// The server applies the same cross-site rule to the portal's own form posts.
export { isCrossSiteRequest, publicOriginOf } from './lib/cross-site'
// The server's daily job erases clients whose retention period has passed.
export { eraseClientsPastRetention } from './services/client-data/retention'
// ... and removes idempotency keys past their 24 hours.
export { deleteExpiredIdempotencyKeys } from './lib/idempotency'
export { errorForLog } from './lib/error-log'
