// The gate lives in access/ now, declared on each route (access/client-route.ts); this path stays
// so older imports (writeAccessLog, the types) keep compiling.
export * from '../access/gate'
