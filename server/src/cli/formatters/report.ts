/**
 * `sourcelint report`: one self-contained HTML page (no external scripts, fonts or styles) for reviewers: per document
 * the share of claims cited or verified, a strip showing where the claims sit and their status, and a filterable table.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ClaimRow, SourceRows } from '../lint-file.js';
import { evidenceText } from '../../shared/checklist.js';
import { sourcesHtml } from './sources.js';

const STATUS_COLOURS: Record<string, string> = {
  unsourced: '#d1495b',
  'citation-needed': '#edae49',
  disputed: '#8f2d56',
  cited: '#00798c',
  verified: '#30638e',
};

/**
 * The report's only script: the status filter. Allowed by its hash in the Content-Security-Policy, nothing else runs.
 */
const FILTER_SCRIPT = `
(function () {
  var select = document.getElementById('status-filter');
  var shown = document.getElementById('shown');
  function apply() {
    var rows = document.querySelectorAll('tbody tr[data-status]');
    var n = 0;
    rows.forEach(function (row) {
      var hide = select.value !== 'all' && row.getAttribute('data-status') !== select.value;
      row.classList.toggle('hidden', hide);
      if (!hide) n++;
    });
    shown.textContent = n + ' of ' + rows.length + ' claims shown';
  }
  select.addEventListener('change', apply);
  apply();
})();
`;
const CSP = [
  "default-src 'none'",
  `script-src 'sha256-${createHash('sha256').update(FILTER_SCRIPT).digest('base64')}'`,
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * A link target from a draft or a bibliography, if it is safe to click: http(s), mailto, or relative. Browsers ignore
 * control characters and spaces inside a scheme (`java\tscript:`), so they are dropped before looking at it.
 */
export function safeHref(target: string): string | undefined {
  const cleaned = target.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned)?.[1].toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? cleaned : undefined;
}

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * One strip per section: a mark per claim in document order, coloured by status, with a gap between paragraphs, so
 * where the unsourced claims cluster shows at a glance.
 */
function strips(claims: readonly ClaimRow[]): string {
  return [...groupBy(claims, (c) => c.section)]
    .map(([section, mine]) => {
      const gaps = new Set(mine.map((c) => c.paragraph)).size - 1;
      const width = 800;
      const step = width / Math.max(1, mine.length + gaps * 0.6);
      let x = 0;
      const rects = mine
        .map((c, i) => {
          if (i > 0 && c.paragraph !== mine[i - 1].paragraph) x += step * 0.6;
          const rect = `<rect x="${x.toFixed(1)}" y="2" width="${Math.max(1, step - 1).toFixed(1)}" height="18" fill="${STATUS_COLOURS[c.status]}"><title>line ${c.line}: ${esc(c.status)}</title></rect>`;
          x += step;
          return rect;
        })
        .join('');
      return `<div class="strip-row"><span class="section">${esc(section || '(before the first heading)')}</span><svg class="strip" viewBox="0 0 ${width} 22" width="100%" height="22" preserveAspectRatio="none" role="img" aria-label="Claims of this section by status">${rects}</svg></div>`;
    })
    .join('\n');
}

/** Items grouped by key in one pass, groups in order of first appearance. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export function formatReport(
  claims: readonly ClaimRow[],
  files: readonly string[],
  cwd: string,
  version: string,
  sources: ReadonlyMap<string, SourceRows> = new Map(),
): string {
  const byFile = groupBy(claims, (c) => c.filePath);
  const sections = files.map((file) => {
    const mine = byFile.get(file) ?? [];
    const ok = mine.filter((c) => c.status === 'cited' || c.status === 'verified').length;
    const share = mine.length ? Math.round((100 * ok) / mine.length) : 100;
    const rows = mine
      .map(
        (c) =>
          `<tr data-status="${c.status}"><td class="loc">${c.line}:${c.column}</td><td><span class="badge" style="background:${STATUS_COLOURS[c.status]}">${c.status}</span></td>` +
          `<td>${esc(c.text)}</td><td>${c.citations.map((s) => (s.target && safeHref(s.target) ? `<a href="${esc(safeHref(s.target)!)}" rel="noopener noreferrer">${esc(s.id ? `${s.id}: ${s.text}` : s.text)}</a>` : esc(s.id ? `${s.id}: ${s.text}` : s.text))).join('<br>')}</td><td class="evidence">${esc(evidenceText(c))}</td><td>${esc(c.note ?? '')}</td></tr>`,
      )
      .join('\n');
    return `<section><h2>${esc(path.relative(cwd, file) || file)}</h2>
<p class="share"><strong>${share}%</strong> of ${mine.length} claims cited or verified (${ok}/${mine.length})</p>
${strips(mine)}
<table><thead><tr><th>Line</th><th>Status</th><th>Claim</th><th>Sources</th><th>Evidence</th><th>Review note</th></tr></thead><tbody>
${rows}
</tbody></table>
${sourcesHtml(sources.get(file))}</section>`;
  });
  const legend = Object.entries(STATUS_COLOURS)
    .map(([s, c]) => `<span class="badge" style="background:${c}">${s}</span>`)
    .join(' ');
  const options = ['all', ...Object.keys(STATUS_COLOURS)].map((s) => `<option value="${s}">${s}</option>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sourcelint review report</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;padding:0 1rem;color:#222}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2.5rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;margin-top:.5rem}th,td{border-bottom:1px solid #eee;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f6f6f6}.loc{white-space:nowrap;color:#666;font-variant-numeric:tabular-nums}
.badge{color:#fff;border-radius:3px;padding:0 .4rem;font-size:.8rem;white-space:nowrap}.share{margin:.3rem 0}
.strip-row{display:grid;grid-template-columns:14rem 1fr;gap:.5rem;align-items:center;margin:.15rem 0}.section{font-size:.85rem;color:#555;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.controls{position:sticky;top:0;background:#fff;padding:.5rem 0;border-bottom:1px solid #eee}
tr.hidden{display:none}
.evidence{font-size:.85rem;color:#444}
</style></head><body>
<h1>Sourcelint review report</h1>
<p>${claims.length} claims in ${files.length} document${files.length === 1 ? '' : 's'}. Legend: ${legend}</p>
<div class="controls"><label>Show status <select id="status-filter">${options}</select></label> <span id="shown"></span></div>
${sections.join('\n')}
<p><small>Generated by Sourcelint ${esc(version)}.</small></p>
<script>${FILTER_SCRIPT}</script>
</body></html>
`;
}
