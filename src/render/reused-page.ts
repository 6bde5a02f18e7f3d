// One page of the run's browser kept for a job that every document repeats (the EPUB's styled-text
// pass, the drawn cover), used by one document at a time: opening a page and closing it again cost
// about 165 ms each time on this machine, more than either job itself for an article (docs/speed.md).
// A page that failed once is closed and the next use opens a new one.
import type { Browser, Page } from 'puppeteer';

interface Reused {
  page: Page | undefined;
  /** The use in progress: the next one waits for it. */
  queue: Promise<void>;
}

const reusedPages = new WeakMap<Browser, Map<string, Reused>>();

/** Runs `use` on the browser's page for `purpose`, opened by `open` when there is none (or it closed). */
export function withReusedPage<T>(browser: Browser, purpose: string, open: () => Promise<Page>, use: (page: Page) => Promise<T>): Promise<T> {
  const byPurpose = reusedPages.get(browser) ?? reusedPages.set(browser, new Map()).get(browser)!;
  const entry = byPurpose.get(purpose) ?? byPurpose.set(purpose, { page: undefined, queue: Promise.resolve() }).get(purpose)!;
  const run = entry.queue.then(async () => {
    try {
      if (!entry.page || entry.page.isClosed()) entry.page = await open();
      return await use(entry.page);
    } catch (error) {
      const failed = entry.page;
      entry.page = undefined;
      if (failed && !failed.isClosed()) await failed.close().catch(() => undefined);
      throw error;
    }
  });
  entry.queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}
