/**
 * Not a test: stages the README screenshot (the sample draft, its Problems panel and a quick-fix menu) and signals
 * the runner, which takes the picture (test/e2e/run.mjs --screenshot).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'mali-russia-draft.md'));
  const editor = await vscode.window.showTextDocument(doc);
  let target: vscode.Diagnostic | undefined;
  for (let i = 0; i < 80 && !target; i++, await sleep(250)) {
    target = vscode.languages
      .getDiagnostics(doc.uri)
      .find((d) => d.source === 'sourcelint' && doc.getText(d.range) === 'skyrocketed');
  }
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.window.showTextDocument(doc, { preserveFocus: false });
  if (target) {
    editor.selection = new vscode.Selection(target.range.start, target.range.start);
    editor.revealRange(target.range, vscode.TextEditorRevealType.InCenter);
    await sleep(1500);
    await vscode.commands.executeCommand('editor.action.quickFix');
  }
  fs.writeFileSync(process.env.SOURCELINT_E2E_RESULTS!, JSON.stringify({ staged: !!target }));
  await sleep(20_000);
}
