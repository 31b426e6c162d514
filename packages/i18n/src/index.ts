export * from './translate'
export * from './plural'
export * from './domains'
