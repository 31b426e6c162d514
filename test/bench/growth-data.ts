// The growth data set (issue 19, item 4): 10,000 clients with 50 statements each (500,000), 200
// workers, each client linked to one worker and sharing the inventory with them, and 10 access-log
// rows per client (100,000, through the hash chain's trigger like any row). Added to the database the
// benchmark already seeded, in the demo organisation, by a handful of INSERT … SELECT statements
// run inside the database (generate_series), so nothing travels row by row. Run as the owner.

export const growth = { clients: 10_000, statementsPerClient: 50, workers: 200, logRowsPerClient: 10 }

const domains = "array['safety','housing','finances','children','partner','relationships','work','leisure','health','meaning']"

/** The statements, one per line; each runs on its own (PGlite's query takes one statement). */
export function growthSql(): string[] {
  const { clients, statementsPerClient, workers, logRowsPerClient } = growth
  const org = "(select organisation_id from users where username = 'noor')"
  return [
    `insert into users (organisation_id, role, username, display_name)
       select ${org}, 'worker', 'growth_w' || g, 'Begeleider ' || g from generate_series(1, ${workers}) g`,
    `insert into users (organisation_id, role, username, display_name)
       select ${org}, 'client', 'growth_c' || g, 'Cliënt ' || g from generate_series(1, ${clients}) g`,
    `create temporary table growth_clients as
       select id, (row_number() over (order by username))::int - 1 as n from users where username like 'growth\\_c%'`,
    `create temporary table growth_workers as
       select id, (row_number() over (order by username))::int - 1 as n from users where username like 'growth\\_w%'`,
    `insert into client_workers (client_id, worker_id)
       select c.id, w.id from growth_clients c join growth_workers w on w.n = c.n % ${workers}`,
    `insert into consents (client_id, grantee_id, scopes)
       select c.id, w.id, array['inventory'] from growth_clients c join growth_workers w on w.n = c.n % ${workers}`,
    `insert into statements (client_id, domain, time, form, text, created_at, updated_at)
       select c.id, (${domains})[1 + g % 10], (array['past','present','future'])[1 + g % 3], 'i_can',
              'Ik kan ' || g || ' dingen goed doen, zoals koken voor mijn buren en fietsen naar mijn werk.',
              now() - (g || ' days')::interval, now() - (g || ' days')::interval
       from growth_clients c cross join generate_series(1, ${statementsPerClient}) g`,
    `insert into access_log (at, actor_id, actor_role, client_id, action, scope, resource, outcome, basis, via)
       select now() - (g || ' hours')::interval, w.id, 'worker', c.id, 'read', 'inventory', 'inventory', 'allowed', 'consent', 'session'
       from growth_clients c join growth_workers w on w.n = c.n % ${workers} cross join generate_series(1, ${logRowsPerClient}) g`,
    'analyze',
  ]
}
