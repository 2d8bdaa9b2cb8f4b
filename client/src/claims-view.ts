/** The Explorer's Claims view: the active document's claims grouped by status, with counts; click reveals the sentence. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REQUESTS, type ClaimItem, type UriParams } from 'sourcelint/shared/protocol.cjs';
import { isLinted } from './languages.js';

const STATUSES = ['disputed', 'unsourced', 'citation-needed', 'cited', 'verified'];
const ICONS: Record<string, string> = { disputed: 'error', unsourced: 'warning', 'citation-needed': 'question', cited: 'book', verified: 'pass' };

type Node = { kind: 'group'; status: string; claims: ClaimItem[] } | { kind: 'claim'; claim: ClaimItem; uri: vscode.Uri };

export class ClaimsView implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private claims: ClaimItem[] = [];
  private uri: vscode.Uri | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async refresh(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if (doc && isLinted(doc.languageId) && client) {
      this.uri = doc.uri;
      this.claims = await client.sendRequest<ClaimItem[]>(REQUESTS.claims, { uri: doc.uri.toString() } satisfies UriParams);
    } else {
      this.claims = [];
    }
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(`${node.status} (${node.claims.length})`, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon(ICONS[node.status]);
      return item;
    }
    const { claim, uri } = node;
    const item = new vscode.TreeItem(claim.text.length > 90 ? `${claim.text.slice(0, 89)}…` : claim.text);
    item.description = claim.note ?? claim.citations.map((c) => c.id ?? c.text).join(', ');
    item.tooltip = new vscode.MarkdownString(`**${claim.status}** — ${claim.text}${claim.note ? `\n\nReview note: ${claim.note}` : ''}`);
    item.contextValue = 'sourcelint.claim';
    const r = claim.range;
    item.command = { title: 'Reveal', command: 'vscode.open', arguments: [uri, { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) }] };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return STATUSES.map((status) => ({ kind: 'group' as const, status, claims: this.claims.filter((c) => c.status === status) })).filter((g) => g.claims.length > 0);
    }
    return node.kind === 'group' && this.uri ? node.claims.map((claim) => ({ kind: 'claim' as const, claim, uri: this.uri! })) : [];
  }

  /** The document and insertion point of a claim node, for the inline Mark actions. */
  target(node: Node): { uri: string; offset: number } | undefined {
    return node.kind === 'claim' ? { uri: node.uri.toString(), offset: node.claim.markOffset } : undefined;
  }
}
