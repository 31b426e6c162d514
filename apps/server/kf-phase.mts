const t0 = performance.now()
const lap = (l: string) => console.log(l, Math.round(performance.now() - t0))
const [{ openAppDatabase }, api] = await Promise.all([import('@kracht/db'), import('@kracht/api')]); lap('imports db+api')
const { loadPortalBuild } = await import('./src/start.ts'); lap('import start')
const dir = process.argv[2]!
const { handle } = await openAppDatabase({ dataDir: dir, backupDir: dir + '/backups' }); lap('openAppDatabase')
await api.hashPassphrase('kracht-demo'); lap('hash')
await loadPortalBuild(); lap('portal build')
await handle.close(); lap('close')
