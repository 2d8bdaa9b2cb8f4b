/**
 * The Explorer's Claims view: the active document's claims grouped by status, with counts; click reveals the sentence.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REQUESTS, type ClaimItem, type UriParams } from 'sourcelint/shared/protocol.cjs';
import { isLinted } from './languages.js';

const STATUSES = ['disputed', 'unsourced', 'citation-needed', 'cited', 'verified'];
const ICONS: Record<string, string> = {
  disputed: 'error',
  unsourced: 'warning',
  'citation-needed': 'question',
  cited: 'book',
  verified: 'pass',
};

type Node =
  | { kind: 'group'; status: string; claims: ClaimItem[] }
  | { kind: 'claim'; claim: ClaimItem; uri: vscode.Uri }
  /** Under a claim: the passage of its saved source that best matches it, or the cited sources with no saved copy. */
  | { kind: 'evidence'; claim: ClaimItem; uri: vscode.Uri; missing?: string[] };

const fileName = (file: string): string => file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
const missingCopies = (claim: ClaimItem): string[] =>
  claim.citations
    .filter((c) => c.copy && 'missing' in c.copy)
    .map((c) =>
      c.kind === 'footnote'
        ? c.id === undefined
          ? '^[…]'
          : `[^${c.id}]`
        : c.kind === 'citekey'
          ? `@${c.id}`
          : (c.target ?? c.id ?? c.text),
    );

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
      this.claims = await client.sendRequest<ClaimItem[]>(REQUESTS.claims, {
        uri: doc.uri.toString(),
      } satisfies UriParams);
    } else {
      this.claims = [];
    }
    this.changed.fire();
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(
        `${node.status} (${node.claims.length})`,
        vscode.TreeItemCollapsibleState.Expanded,
      );
      item.iconPath = new vscode.ThemeIcon(ICONS[node.status]);
      return item;
    }
    if (node.kind === 'evidence') {
      const { claim } = node;
      if (node.missing) {
        const item = new vscode.TreeItem(`No saved copy of ${node.missing.join(', ')}`);
        item.iconPath = new vscode.ThemeIcon('circle-slash');
        return item;
      }
      const e = claim.evidence!;
      const item = new vscode.TreeItem(
        `p. ${e.page}: “${e.passage.length > 100 ? `${e.passage.slice(0, 99)}…` : e.passage}”`,
      );
      item.description = fileName(e.file);
      item.tooltip = new vscode.MarkdownString().appendText(`${fileName(e.file)}, p. ${e.page}\n\n${e.passage}`);
      item.iconPath = new vscode.ThemeIcon('quote');
      item.contextValue = 'sourcelint.evidence';
      return item;
    }
    const { claim, uri } = node;
    const hasEvidence = claim.evidence !== undefined || missingCopies(claim).length > 0;
    const item = new vscode.TreeItem(
      claim.text.length > 90 ? `${claim.text.slice(0, 89)}…` : claim.text,
      hasEvidence ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = claim.note ?? claim.citations.map((c) => c.id ?? c.text).join(', ');
    item.tooltip = new vscode.MarkdownString(
      `**${claim.status}** — ${claim.text}${claim.note ? `\n\nReview note: ${claim.note}` : ''}`,
    );
    item.contextValue = 'sourcelint.claim';
    const r = claim.range;
    item.command = {
      title: 'Reveal',
      command: 'vscode.open',
      arguments: [uri, { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) }],
    };
    return item;
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      return STATUSES.map((status) => ({
        kind: 'group' as const,
        status,
        claims: this.claims.filter((c) => c.status === status),
      })).filter((g) => g.claims.length > 0);
    }
    if (node.kind === 'claim') {
      const missing = missingCopies(node.claim);
      return [
        ...(node.claim.evidence ? [{ kind: 'evidence' as const, claim: node.claim, uri: node.uri }] : []),
        ...(missing.length > 0 ? [{ kind: 'evidence' as const, claim: node.claim, uri: node.uri, missing }] : []),
      ];
    }
    return node.kind === 'group' && this.uri
      ? node.claims.map((claim) => ({ kind: 'claim' as const, claim, uri: this.uri! }))
      : [];
  }

  /** The document and insertion point of a claim node, for the inline Mark actions. */
  target(node: Node): { uri: string; offset: number } | undefined {
    return node.kind === 'claim' ? { uri: node.uri.toString(), offset: node.claim.markOffset } : undefined;
  }
}
