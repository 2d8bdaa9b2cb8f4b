/**
 * The messages coming from the client, as the connection dispatches them: vscode-jsonrpc queues what it reads and
 * handles one message per turn of the event loop. Counting them tells when everything received so far has been
 * handled, which is what lets a lint wait for the edits already on their way (a burst of keystrokes, or those typed
 * while a lint ran) instead of linting a version that is already superseded.
 */
import type { MessageStrategy } from 'vscode-languageserver/node';

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
/** Each round is a turn per message handled: far more than a burst of edits and the requests among them. */
const MAX_ROUNDS = 1000;

export class Inbound {
  private handled = 0;
  /** Until it settles, messages wait (in order) for the handlers that are still loading. */
  private ready: Promise<unknown> | undefined;

  /** For `createConnection`'s options: sees each message as it is dispatched. */
  readonly strategy: MessageStrategy = {
    handleMessage: (message, next) => {
      this.handled++;
      const ready = this.ready;
      return ready ? ready.then(() => next(message)) : next(message);
    },
  };

  /** Holds every message back until `ready` settles (the server answers `initialize` before it loads the rest). */
  holdUntil(ready: Promise<unknown>): void {
    this.ready = ready;
    void ready.finally(() => {
      if (this.ready === ready) this.ready = undefined;
    });
  }

  /**
   * Resolves once the messages received so far are handled: two turns of the event loop in which none was. Two, because
   * the first may run before the connection's own turn that handles what the poll phase just read. A client that never
   * stops sending is not waited for beyond MAX_ROUNDS.
   */
  async drained(): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const before = this.handled;
      await turn();
      await turn();
      if (this.handled === before) return;
    }
  }
}
