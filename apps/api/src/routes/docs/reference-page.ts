// A readable API reference rendered on the server from the OpenAPI document: no script, no CDN,
// so it works offline and on any phone. The document itself stays the source of truth.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
type JsonObject = { [key: string]: Json }

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch)

const isObject = (value: Json | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function typeOf(schema: Json | undefined, depth = 0): string {
  if (!isObject(schema)) return 'any'
  const ref = schema['$ref']
  if (typeof ref === 'string') {
    const name = ref.split('/').pop() ?? ref
    return `<a href="#schema-${escape(name)}">${escape(name)}</a>`
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const parts = schema[key]
    if (Array.isArray(parts)) return parts.map((part) => typeOf(part, depth)).join(key === 'allOf' ? ' &amp; ' : ' | ')
  }
  const enumValues = schema['enum']
  if (Array.isArray(enumValues)) return enumValues.map((v) => `<code>${escape(JSON.stringify(v))}</code>`).join(' | ')
  const type = schema['type']
  if (type === 'array') return `${typeOf(schema['items'], depth)}[]`
  if (type === 'object' && isObject(schema['properties']) && depth < 2) {
    const required = Array.isArray(schema['required']) ? schema['required'] : []
    const fields = Object.entries(schema['properties']).map(
      ([name, value]) => `${escape(name)}${required.includes(name) ? '' : '?'}: ${typeOf(value, depth + 1)}`,
    )
    return `{ ${fields.join(', ')} }`
  }
  if (Array.isArray(type)) return type.map(String).join(' | ')
  const format = typeof schema['format'] === 'string' ? ` (${escape(schema['format'])})` : ''
  return `${escape(String(type ?? 'any'))}${format}`
}

function renderOperation(method: string, path: string, operation: JsonObject): string {
  const parameters = Array.isArray(operation['parameters']) ? operation['parameters'].filter(isObject) : []
  const body = isObject(operation['requestBody']) ? operation['requestBody'] : null
  const bodySchema = body && isObject(body['content']) && isObject(body['content']['application/json'])
    ? body['content']['application/json']['schema']
    : undefined
  const responses = isObject(operation['responses']) ? Object.entries(operation['responses']) : []
  const params = parameters
    .map((p) => `<li><code>${escape(String(p['name']))}</code> in ${escape(String(p['in']))}: ${typeOf(p['schema'])}</li>`)
    .join('')
  const answers = responses
    .map(([status, response]) => {
      if (!isObject(response)) return ''
      const content = isObject(response['content']) && isObject(response['content']['application/json'])
        ? ` → ${typeOf(response['content']['application/json']['schema'])}`
        : ''
      return `<li><strong>${escape(status)}</strong> ${escape(String(response['description'] ?? ''))}${content}</li>`
    })
    .join('')
  return `<section class="op"><h3><span class="m ${method}">${method.toUpperCase()}</span> <code>/api/v1${escape(path)}</code></h3>
<p>${escape(String(operation['summary'] ?? ''))}</p>
${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
${bodySchema ? `<h4>Body (JSON)</h4><p>${typeOf(bodySchema)}</p>` : ''}
<h4>Responses</h4><ul>${answers}</ul></section>`
}

export function renderReferencePage(document: JsonObject): string {
  const info = isObject(document['info']) ? document['info'] : {}
  const paths = isObject(document['paths']) ? document['paths'] : {}
  const byTag = new Map<string, string[]>()
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue
    for (const [method, operation] of Object.entries(item)) {
      if (!isObject(operation)) continue
      const tag = Array.isArray(operation['tags']) ? String(operation['tags'][0]) : 'Other'
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path.replace(/\{(\w+)\}/g, '{$1}'), operation)])
    }
  }
  const components = isObject(document['components']) && isObject(document['components']['schemas'])
    ? Object.entries(document['components']['schemas'])
    : []
  const toc = [...byTag.keys()].map((tag) => `<a href="#tag-${escape(tag)}">${escape(tag)}</a>`).join(' · ')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(String(info['title'] ?? 'API'))} reference</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1d2433}
code{font:14px ui-monospace,monospace;background:#f2f4f7;padding:0 .2em;border-radius:3px}h1{margin:.2em 0}
.op{border:1px solid #d8dde6;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}h3{margin:.3em 0;font-size:1rem;overflow-wrap:anywhere}
h4{margin:.5em 0 0;font-size:.9rem;color:#555}ul{margin:.2em 0}.m{display:inline-block;min-width:4.5em;font-size:.8rem;color:#fff;border-radius:4px;padding:0 .4em;text-align:center}
.get{background:#1f6f43}.post{background:#2456a6}.put,.patch{background:#8a5a00}.delete{background:#a32b2b}nav{margin:1rem 0}</style></head>
<body><h1>${escape(String(info['title'] ?? 'API'))}</h1><p>${escape(String(info['description'] ?? ''))}</p>
<p>Machine-readable: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).</p>
<nav>${toc} · <a href="#schemas">Schemas</a></nav>
${[...byTag.entries()].map(([tag, ops]) => `<h2 id="tag-${escape(tag)}">${escape(tag)}</h2>${ops.join('')}`).join('')}
<h2 id="schemas">Schemas</h2>
${components.map(([name, schema]) => `<section class="op" id="schema-${escape(name)}"><h3>${escape(name)}</h3><p>${typeOf(schema, -5)}</p></section>`).join('')}
</body></html>`
}
