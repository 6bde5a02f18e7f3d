// Pages of the run's browser kept for jobs every document repeats (the print, the EPUB's styled-text
// pass, the drawn cover): opening a page and closing it again cost about 165 ms each time on this
// machine, more than the styled-text pass or the cover of an article (docs/speed.md). A pool per
// browser and job: a document takes an idle page or opens one, and gives it back when done, so
// documents built at once each have their own. Each job leaves its page empty for the next; a page
// whose use failed is closed, never given back.
import type { Browser, Page } from 'puppeteer';

const pools = new WeakMap<Browser, Map<string, unknown[]>>();

export interface PooledJob<Held extends { page: Page }, Result> {
  /** A new page for the job, made ready for it. */
  open: () => Promise<Held>;
  use: (held: Held) => Promise<Result>;
  /** After a use that succeeded: empty the page for the next (a page that cannot be emptied is closed). */
  reset?: (held: Held) => Promise<void>;
}

/** Runs the job on an idle page of the browser's pool for `name`, opened when none is idle. */
export async function withPooledPage<Held extends { page: Page }, Result>(browser: Browser, name: string, job: PooledJob<Held, Result>): Promise<Result> {
  const byJob = pools.get(browser) ?? pools.set(browser, new Map()).get(browser)!;
  const idle = (byJob.get(name) ?? byJob.set(name, []).get(name)!) as Held[];
  let held = idle.pop();
  while (held?.page.isClosed()) held = idle.pop();
  held ??= await job.open();
  const close = (page: Page) => (page.isClosed() ? Promise.resolve() : page.close().catch(() => undefined));
  let result: Result;
  try {
    result = await job.use(held);
  } catch (error) {
    await close(held.page);
    throw error;
  }
  try {
    await job.reset?.(held);
    idle.push(held);
  } catch {
    await close(held.page);
  }
  return result;
}
