// The file watcher of the editor's loop (preview and build --watch): chokidar watches the files a
// render read, and a burst of saves (an editor writes, renames, touches) becomes one call with every
// path that changed. The set of files can change after each render (an image added, one removed).
import { watch, type FSWatcher } from 'chokidar';

/** Saves closer together than this are one change. An editor's save comes as one burst within a few
 * milliseconds (truncate and write, or write a copy and rename it); the wait is all the person's: with
 * 40 ms, a save reached the render 41–43 ms after it (docs/speed.md). A later save during a render makes
 * one more render after it (oneAtATime). */
const SETTLE_MS = 12;

export class ChangeWatcher {
  private readonly watcher: FSWatcher;
  private watched = new Set<string>();
  private changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  /** Watching `paths`, once chokidar has looked at them all (a save after this is seen). */
  static async start(paths: Iterable<string>, onChange: (paths: string[]) => void): Promise<ChangeWatcher> {
    const watcher = new ChangeWatcher([...paths], onChange);
    await new Promise<void>((resolve) => watcher.watcher.once('ready', () => resolve()));
    return watcher;
  }

  private constructor(paths: string[], onChange: (paths: string[]) => void) {
    this.watched = new Set(paths);
    this.watcher = watch(paths, { ignoreInitial: true, atomic: true });
    this.watcher.on('all', (_event, changedPath) => {
      this.changed.add(changedPath);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        const paths = [...this.changed];
        this.changed.clear();
        onChange(paths);
      }, SETTLE_MS);
    });
  }

  /** Watch exactly these files and folders (folders with what is in them) from now on. */
  watch(paths: Iterable<string>): void {
    const wanted = new Set(paths);
    const added = [...wanted].filter((file) => !this.watched.has(file));
    const gone = [...this.watched].filter((file) => !wanted.has(file));
    if (gone.length > 0) this.watcher.unwatch(gone);
    if (added.length > 0) this.watcher.add(added);
    this.watched = wanted;
  }

  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.watcher.close();
  }
}

/** One run at a time: a change during a run makes one more run after it, however many came. `idle()`
 * waits for the run in flight. */
export function oneAtATime(run: () => Promise<void>, onError: (error: Error) => void): { trigger: () => void; idle: () => Promise<void> } {
  let running: Promise<void> | undefined;
  let again = false;
  const trigger = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again);
    })()
      .catch((error: unknown) => onError(error as Error))
      .finally(() => (running = undefined));
  };
  return { trigger, idle: async () => void (await running) };
}
