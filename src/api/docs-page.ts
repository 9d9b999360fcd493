import { STATUS_BY_CODE } from './errors.js';

/**
 * A readable API reference rendered on the server from the OpenAPI document. Self-made rather
 * than Swagger UI or Scalar: those load scripts from CDNs, and installations may have no
 * internet; this page needs nothing but the server and works under the strict CSP.
 */

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: {
    type?: string;
    enum?: unknown[];
    example?: unknown;
    default?: unknown;
    pattern?: string;
  };
  example?: unknown;
}

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Parameter[];
  responses?: Record<string, { description?: string }>;
}

export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const escape = (text: unknown) =>
  String(text ?? '').replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function typeOf(p: Parameter): string {
  const s = p.schema ?? {};
  if (s.enum) return s.enum.map(String).join(' | ');
  return s.type ?? 'string';
}

function exampleUrl(path: string, op: Operation): string {
  const params = op.parameters ?? [];
  let url = path;
  for (const p of params.filter((x) => x.in === 'path')) {
    url = url.replace(`{${p.name}}`, String(p.schema?.example ?? p.example ?? p.name));
  }
  const query = params
    .filter((p) => p.in === 'query' && (p.required || p.schema?.example !== undefined))
    .map((p) => `${p.name}=${encodeURIComponent(String(p.schema?.example ?? p.example ?? ''))}`);
  return query.length ? `${url}?${query.join('&')}` : url;
}

export function renderDocsPage(doc: OpenApiDocument): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
  );
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? 'Other'))];
  const nav = tags.map((tag) => `<li><a href="#${escape(tag)}">${escape(tag)}</a></li>`).join('');
  const sections = tags
    .map((tag) => {
      const ops = operations.filter((o) => (o.op.tags?.[0] ?? 'Other') === tag);
      return `<section id="${escape(tag)}"><h2>${escape(tag)}</h2>${ops.map(renderOperation).join('')}</section>`;
    })
    .join('');
  const codes = Object.entries(STATUS_BY_CODE)
    .map(([code, status]) => `<tr><td><code>${code}</code></td><td>${status}</td></tr>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(doc.info.title)} — API reference</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><header><a href="/" class="home">← Buurtbalans</a><h1>${escape(doc.info.title)} <span>v${escape(doc.info.version)}</span></h1>
<p>${escape(doc.info.description ?? '')}</p>
<p>Machine-readable: <a href="/api/openapi.json"><code>/api/openapi.json</code></a> (OpenAPI 3.0).</p></header>
<nav aria-label="Sections"><ul>${nav}<li><a href="#errors">Errors</a></li></ul></nav>
<main>${sections}
<section id="errors"><h2>Errors</h2><p>Every error has the same shape, with a stable <code>code</code>:</p>
<pre>{ "error": { "code": "area_not_found", "message": "No area with code BU00000000", "details": { … } } }</pre>
<table><thead><tr><th>code</th><th>HTTP status</th></tr></thead><tbody>${codes}</tbody></table></section>
</main></body></html>`;
}

function renderOperation({
  path,
  method,
  op,
}: {
  path: string;
  method: string;
  op: Operation;
}): string {
  const params = op.parameters ?? [];
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${escape(p.name)}</code></td><td>${escape(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td>` +
        `<td><code>${escape(typeOf(p))}</code></td><td>${escape(p.description ?? '')}` +
        `${p.schema?.default !== undefined ? ` Default <code>${escape(p.schema.default)}</code>.` : ''}</td></tr>`,
    )
    .join('');
  const responses = Object.entries(op.responses ?? {})
    .map(([status, r]) => `<li><code>${escape(status)}</code> ${escape(r.description ?? '')}</li>`)
    .join('');
  const url = exampleUrl(path, op);
  return `<article class="op"><h3><span class="method">${method}</span> <code>${escape(path)}</code></h3>
<p class="summary">${escape(op.summary ?? '')}</p>${op.description ? `<p>${escape(op.description)}</p>` : ''}
${rows ? `<table><thead><tr><th>parameter</th><th>in</th><th>required</th><th>type</th><th>description</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
<ul class="responses">${responses}</ul>
${method === 'GET' ? `<p class="try">Example: <a href="${escape(url)}"><code>${escape(url)}</code></a></p>` : ''}</article>`;
}

export const DOCS_CSS = `
:root{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2433;background:#f6f7f9;line-height:1.5}
body{margin:0;display:grid;grid-template-columns:14rem 1fr;grid-template-areas:"head head" "nav main"}
header{grid-area:head;background:#17324d;color:#fff;padding:1.5rem 2rem}header a{color:#cfe3ff}
header h1{margin:.3rem 0;font-size:1.6rem}header h1 span{font-size:.9rem;opacity:.7;font-weight:400}
nav{grid-area:nav;padding:1.5rem 1rem}nav ul{list-style:none;padding:0;position:sticky;top:1rem}nav a{display:block;padding:.25rem .5rem;color:#17324d;text-decoration:none;border-radius:4px}nav a:hover{background:#e3e8ef}
main{grid-area:main;padding:1rem 2rem 4rem;max-width:60rem}
h2{border-bottom:2px solid #d5dbe3;padding-bottom:.3rem;margin-top:2rem}
.op{background:#fff;border:1px solid #d5dbe3;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
.op h3{margin:0 0 .25rem;font-size:1.05rem}.method{display:inline-block;background:#1f6f43;color:#fff;border-radius:4px;padding:0 .45rem;font-size:.8rem;vertical-align:middle}
.summary{font-weight:600;margin:.25rem 0}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin:.5rem 0}th,td{text-align:left;border-bottom:1px solid #e6e9ee;padding:.35rem .5rem;vertical-align:top}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.88em}pre{background:#eef1f5;padding:.75rem;border-radius:6px;overflow:auto}
a{color:#1d5fa8}.try{font-size:.9rem}
@media (max-width:50rem){body{grid-template-columns:1fr;grid-template-areas:"head" "nav" "main"}}
`;
