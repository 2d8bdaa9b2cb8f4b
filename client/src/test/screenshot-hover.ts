/**
 * Not a test: stages the README's evidence screenshot (a cited figure's hover, with the passage of the saved source
 * copy that backs it) and signals the runner, which takes the picture
 * (test/e2e/run.mjs --screenshot FILE --scene hover).
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'claims-draft.md'));
  const editor = await vscode.window.showTextDocument(doc);
  // The copy is read in the background; its finding on the wrong figure says it is ready.
  let ready = false;
  for (let i = 0; i < 120 && !ready; i++, await sleep(250)) {
    ready = vscode.languages.getDiagnostics(doc.uri).some((d) => doc.getText(d.range) === '1,540');
  }
  await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await vscode.window.showTextDocument(doc, { preserveFocus: false });
  const at = doc.positionAt(doc.getText().indexOf('12%') + 1);
  editor.selection = new vscode.Selection(at, at);
  await sleep(1000);
  await vscode.commands.executeCommand('editor.action.showHover');
  fs.writeFileSync(process.env.SOURCELINT_E2E_RESULTS!, JSON.stringify({ staged: ready }));
  await sleep(20_000);
}
