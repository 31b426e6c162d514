import { PGlite } from '@electric-sql/pglite'
const pg = new PGlite()
for (const s of ['fsync','synchronous_commit','full_page_writes','wal_level','wal_sync_method','checkpoint_timeout','max_wal_size']) console.log(s, (await pg.query(`show ${s}`)).rows[0])
