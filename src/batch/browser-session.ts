// The one browser of a run: launched when first needed, shared by every document, and relaunched
// when it crashes or is killed, so that the documents in flight can be retried on a fresh one.
import type { Browser } from 'puppeteer';
import type { BrowserChoice } from '../render/browser.js';

export class BrowserSession {
  private launching: Promise<Browser> | undefined;
  private closed = false;
  version: string | undefined;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly onLaunch: (choice: BrowserChoice, version: string) => void = () => {},
  ) {}

  /** The browser, launching it on first use (and again after a crash). */
  get(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('the build was stopped'));
    // Puppeteer loads with the first launch: a run with nothing to build never needs it.
    this.launching ??= import('../render/browser.js').then(async ({ launchBrowser }) => {
      const { browser, choice } = await launchBrowser(this.env);
      this.version = await browser.version();
      this.onLaunch(choice, this.version);
      return browser;
    });
    return this.launching;
  }

  /** How many browsers this run has launched; a document notes it when it starts. */
  generation = 0;

  /**
   * After a document failed: true when the browser died under it (killed, crashed), so the document
   * should be tried once more; the next get() launches a fresh browser. Several documents in flight
   * share one relaunch.
   */
  async recover(startedAt: number): Promise<boolean> {
    if (this.closed) return false;
    if (this.generation > startedAt) return true;
    const current = await this.launching?.catch(() => undefined);
    if (!current || current.connected) return false;
    this.launching = undefined;
    this.generation += 1;
    return true;
  }

  /** At the end of a run: close gracefully. On an interrupt (`kill`): end the process now, since a
   * graceful close waits for pages in flight (seen here: 30 s while a cover was being drawn). */
  async close(kill = false): Promise<void> {
    this.closed = true;
    const browser = await this.launching?.catch(() => undefined);
    if (!browser) return;
    if (kill) {
      browser.process()?.kill('SIGKILL');
      await browser.disconnect().catch(() => undefined);
    } else await browser.close().catch(() => undefined);
  }
}
