/**
 * The Explorer's Sources view: every source the active document cites, worst rating first; click reveals its first use.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REQUESTS, type SourceItem, type SourcesAnswer, type UriParams } from 'sourcelint/shared/protocol.cjs';

const ORDER = ['blacklisted', 'deprecated', 'unreliable', 'no-consensus', 'not-a-source', 'unrated', 'reliable'];
const ICONS: Record<string, string> = {
  blacklisted: 'error',
  deprecated: 'error',
  unreliable: 'warning',
  'no-consensus': 'info',
  'not-a-source': 'link-external',
  unrated: 'circle-outline',
  reliable: 'pass',
};

export class SourcesView implements vscode.TreeDataProvider<SourceItem> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private sources: SourceItem[] = [];
  private uri: vscode.Uri | undefined;
  /** The summary line ("14 sources, 2 deprecated, …"), shown as the view's message. */
  summary = '';

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (doc?.languageId === 'markdown' && client) {
      this.uri = doc.uri;
      const answer = await client.sendRequest<SourcesAnswer>(REQUESTS.sources, {
        uri: doc.uri.toString(),
      } satisfies UriParams);
      this.sources = [...answer.sources].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status));
      this.summary = answer.summary;
    } else {
      this.sources = [];
      this.summary = '';
    }
    this.changed.fire();
  }

  getTreeItem(s: SourceItem): vscode.TreeItem {
    const item = new vscode.TreeItem(s.domain && s.domain !== s.name ? `${s.name} (${s.domain})` : s.name);
    item.description = `${s.detail} · ${s.claims} claim${s.claims === 1 ? '' : 's'}`;
    item.iconPath = new vscode.ThemeIcon(ICONS[s.status] ?? 'circle-outline');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${s.name}** — ${s.detail}`,
        s.reason ?? '',
        `${s.uses} citation${s.uses === 1 ? '' : 's'}, ${s.claims} claim${s.claims === 1 ? '' : 's'}`,
        s.list ? `_Rating: ${s.list}_` : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    const r = s.range;
    if (this.uri)
      item.command = {
        title: 'Reveal',
        command: 'vscode.open',
        arguments: [
          this.uri,
          { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) },
        ],
      };
    return item;
  }

  getChildren(node?: SourceItem): SourceItem[] {
    return node ? [] : this.sources;
  }
}
