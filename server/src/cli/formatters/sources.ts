/** `sourcelint sources`: each article's sources, with ratings and use, as Markdown, CSV or JSON. */
import path from 'node:path';
import type { FileResult, SourceRows } from '../lint-file.js';

type Listed = { filePath: string; sources: SourceRows };

const withSources = (results: readonly FileResult[]): Listed[] =>
  results.filter((r): r is FileResult & Listed => !!r.sources);
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function formatSourcesMarkdown(results: readonly FileResult[], cwd: string): string {
  return withSources(results)
    .map(({ filePath, sources }) => {
      const rel = path.relative(cwd, filePath) || filePath;
      const rows = sources.rows.map(
        (s) =>
          `| ${cell(s.name)} | ${cell(s.domain ?? '')} | ${cell(s.detail)} | ${s.claims} | ${s.uses} | ${s.line}:${s.column} |`,
      );
      const table = rows.length
        ? ['| source | domain | status | claims | citations | first used |', '|---|---|---|---|---|---|', ...rows]
        : ['No citations.'];
      const lists = [...new Set(sources.rows.map((s) => s.list).filter((l): l is string => !!l))];
      return [
        `### ${rel} — ${sources.summary.line}`,
        '',
        ...table,
        ...(lists.length ? ['', `Ratings: ${lists.join('; ')}.`] : []),
      ].join('\n');
    })
    .join('\n\n');
}

const csvCell = (v: string | number): string =>
  /[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v);

export function formatSourcesCsv(results: readonly FileResult[], cwd: string): string {
  const header = [
    'file',
    'source',
    'domain',
    'status',
    'detail',
    'claims',
    'citations',
    'line',
    'column',
    'reason',
    'rating',
  ];
  const rows = withSources(results).flatMap(({ filePath, sources }) =>
    sources.rows.map((s) =>
      [
        path.relative(cwd, filePath) || filePath,
        s.name,
        s.domain ?? '',
        s.status,
        s.detail,
        s.claims,
        s.uses,
        s.line,
        s.column,
        s.reason ?? '',
        s.list ?? '',
      ]
        .map(csvCell)
        .join(','),
    ),
  );
  return [header.join(','), ...rows].join('\n');
}

export function formatSourcesJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    withSources(results).map(({ filePath, sources }) => ({
      filePath,
      summary: sources.summary,
      sources: sources.rows,
    })),
  );
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The HTML report's Sources section for one article. */
export function sourcesHtml(sources: SourceRows | undefined): string {
  if (!sources || sources.rows.length === 0) return '';
  const rows = sources.rows
    .map(
      (s) =>
        `<tr data-source-status="${esc(s.status)}"><td>${esc(s.name)}</td><td>${esc(s.domain ?? '')}</td><td>${esc(s.detail)}${s.reason ? `<br><small>${esc(s.reason)}</small>` : ''}</td><td>${s.claims}</td><td>${s.uses}</td><td class="loc">${s.line}:${s.column}</td></tr>`,
    )
    .join('\n');
  const lists = [...new Set(sources.rows.map((s) => s.list).filter((l): l is string => !!l))];
  return `<h3>Sources</h3>
<p class="share">${esc(sources.summary.line)}</p>
<table class="sources"><thead><tr><th>Source</th><th>Domain</th><th>Status</th><th>Claims</th><th>Citations</th><th>First used</th></tr></thead><tbody>
${rows}
</tbody></table>${lists.length ? `\n<p><small>Ratings: ${esc(lists.join('; '))}.</small></p>` : ''}`;
}
