/**
 * Noticing changed configuration and bibliography files. A client that can watch files for us (dynamic registration
 * of `workspace/didChangeWatchedFiles`) is asked to; for the others (stock Neovim on Linux, Helix, many more) the
 * server watches the folders itself, with one non-recursive fs.watch per folder, and coalesces bursts of events.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  DidChangeWatchedFilesNotification,
  type Connection,
  type Disposable,
  type FileSystemWatcher,
} from 'vscode-languageserver/node';
import { CONFIG_FILES } from '../engine/index.js';

/**
 * Folder → the file names in it that matter: configuration files where configuration is searched, and the files a lint
 * read (`*`: any).
 */
export function watchTargets(folders: readonly string[], files: readonly string[]): Map<string, Set<string>> {
  const targets = new Map<string, Set<string>>();
  const add = (dir: string, name: string) => {
    const names = targets.get(dir) ?? new Set<string>();
    names.add(name);
    targets.set(dir, names);
  };
  // Configuration is searched upward from each document (as the CLI does): a file created in any of those folders
  // counts.
  for (const folder of folders) {
    for (let dir = folder; ; dir = path.dirname(dir)) {
      for (const name of CONFIG_FILES) add(dir, name);
      if (path.dirname(dir) === dir) break;
    }
  }
  for (const file of files) add(path.dirname(file), path.basename(file));
  return targets;
}

/** Server-side watching: folders, not files, so a file replaced by a rename (as editors save) is still seen. */
export class FolderWatcher {
  private readonly watchers = new Map<string, { watcher: fs.FSWatcher; names: Set<string> }>();
  private timer: NodeJS.Timeout | undefined;

  /**
   * `onChange` runs once per burst of events (an editor saves with a write, a rename, a chmod): `settleMs` after the
   * last.
   */
  constructor(
    private readonly onChange: () => void,
    private readonly settleMs: number,
    private readonly log: (message: string) => void,
  ) {}

  update(targets: ReadonlyMap<string, Set<string>>): void {
    for (const [dir, w] of this.watchers) {
      if (!targets.has(dir)) {
        w.watcher.close();
        this.watchers.delete(dir);
      }
    }
    for (const [dir, names] of targets) {
      const known = this.watchers.get(dir);
      if (known) {
        known.names = names;
        continue;
      }
      try {
        const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
          const names = this.watchers.get(dir)?.names;
          if (name === null || names?.has(name.toString()) || names?.has('*')) this.changed();
        });
        watcher.on('error', (e) => {
          this.log(`watching ${dir} stopped: ${e.message}`);
          watcher.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, { watcher, names });
      } catch {
        // A folder that does not exist (yet) or cannot be watched: nothing to see there.
      }
    }
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(this.onChange, this.settleMs);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const { watcher } of this.watchers.values()) watcher.close();
    this.watchers.clear();
  }
}

/**
 * Client-side watching: configuration files anywhere in the workspace, plus the bibliography and configuration files
 * open documents read (re-registered when that set changes). Registration failures are logged, never fatal.
 */
export class ClientWatchRegistration {
  private registered: Promise<Disposable | undefined> | undefined;
  private key = '';

  constructor(
    private readonly connection: Connection,
    private readonly relativePatterns: boolean,
    private readonly log: (message: string) => void,
  ) {}

  update(files: readonly string[]): void {
    const sorted = [...new Set(files)].sort();
    const key = sorted.join('\n');
    if (this.registered && key === this.key) return;
    this.key = key;
    const watchers: FileSystemWatcher[] = [
      ...CONFIG_FILES.map((name) => ({ globPattern: `**/${name}` })),
      ...sorted.map((file) => ({
        globPattern: this.relativePatterns
          ? { baseUri: pathToFileURL(path.dirname(file)).href, pattern: path.basename(file) }
          : file.split(path.sep).join('/'),
      })),
    ];
    const previous = this.registered;
    this.registered = this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).then(
      (d) => d,
      (e: Error) => (this.log(`registering file watchers failed: ${e.message}`), undefined),
    );
    void previous?.then((d) => d?.dispose());
  }
}
