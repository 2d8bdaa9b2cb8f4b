/** GitHub Actions workflow commands: findings become annotations on the pull request's diff. */
import path from 'node:path';
import type { FileResult } from '../lint-file.js';

// Workflow-command escaping: data and property values differ (properties also escape ':' and ',').
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(results: readonly FileResult[], cwd: string): string {
  const lines: string[] = [];
  for (const r of results) {
    const file = escapeProperty(path.relative(cwd, r.filePath).split(path.sep).join('/') || r.filePath);
    for (const m of r.messages) {
      const command = m.level === 'error' ? 'error' : m.level === 'warning' ? 'warning' : 'notice';
      lines.push(
        `::${command} file=${file},line=${m.line},col=${m.column},endLine=${m.endLine},endColumn=${m.endColumn},title=${escapeProperty(m.ruleId)}::${escapeData(m.message)}`,
      );
    }
  }
  return lines.join('\n');
}

const STATUSES = ['unsourced', 'citation-needed', 'cited', 'verified', 'disputed'] as const;
/** GitHub refuses a step summary over 1 MiB; stop listing findings a little before. */
const SUMMARY_LIMIT = 1000 * 1024;

const cell = (s: string): string => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;');

/**
 * The job summary (`$GITHUB_STEP_SUMMARY`): the runner shows only 10 annotations of each level per step, so this
 * Markdown lists every finding, linked to its line when the workflow's repository and commit are known, and the
 * claims by status.
 */
export function formatGithubSummary(
  results: readonly FileResult[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const messages = results.flatMap((r) =>
    r.messages.map((m) => ({ file: path.relative(cwd, r.filePath).split(path.sep).join('/') || r.filePath, m })),
  );
  const count = (level: string): number => messages.filter(({ m }) => m.level === level).length;
  const claims = results.flatMap((r) => r.claims ?? []);
  const lines = [
    '## Sourcelint',
    '',
    `${results.length} file${results.length === 1 ? '' : 's'} linted: **${count('error')} errors**, ${count('warning')} warnings, ${count('info')} info.`,
    '',
    '| claims | ' + STATUSES.join(' | ') + ' | total |',
    '|---|' + STATUSES.map(() => '---:|').join('') + '---:|',
    '| | ' + STATUSES.map((s) => claims.filter((c) => c.status === s).length).join(' | ') + ` | ${claims.length} |`,
    '',
  ];
  if (messages.length > 0) lines.push('| where | level | rule | finding |', '|---|---|---|---|');
  const blob =
    env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_SHA
      ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/`
      : undefined;
  const root = env.GITHUB_WORKSPACE ?? cwd;
  let size = lines.join('\n').length;
  for (let i = 0; i < messages.length; i++) {
    const { file, m } = messages[i];
    const where = `${file}:${m.line}:${m.column}`;
    const repoPath = path.relative(root, path.resolve(cwd, file)).split(path.sep).join('/');
    const link =
      blob && !repoPath.startsWith('..')
        ? `[${cell(where)}](${blob}${repoPath.split('/').map(encodeURIComponent).join('/')}#L${m.line})`
        : cell(where);
    const row = `| ${link} | ${m.level} | \`${m.ruleId}\` | ${cell(m.message)} |`;
    size += row.length + 1;
    if (size > SUMMARY_LIMIT) {
      lines.push(
        '',
        `…and ${messages.length - i} more findings: the job summary is limited to 1 MiB (see the annotations or a SARIF upload).`,
      );
      break;
    }
    lines.push(row);
  }
  return lines.join('\n') + '\n';
}
