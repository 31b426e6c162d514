export * from './translate'
