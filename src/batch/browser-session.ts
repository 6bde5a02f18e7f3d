// The one browser of a run: launched when first needed, shared by every document, and relaunched
// once when it crashes or is killed, so that the document in flight can be retried on a fresh one.
import type { Browser } from 'puppeteer';
import { launchBrowser, type BrowserChoice } from '../render/browser.js';

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
    this.launching ??= launchBrowser(this.env).then(async ({ browser, choice }) => {
      this.version = await browser.version();
      this.onLaunch(choice, this.version);
      return browser;
    });
    return this.launching;
  }

  /**
   * Run `work` with the browser; if the browser dies under it, launch a fresh one and run it once
   * more. A second failure, or any failure with the browser still alive, is the document's.
   */
  async run<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
    const browser = await this.get();
    try {
      return await work(browser);
    } catch (error) {
      if (this.closed || browser.connected) throw error;
      // Several documents in flight share one relaunch.
      if (this.launching && (await this.launching.catch(() => undefined)) === browser) this.launching = undefined;
      return work(await this.get());
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = await this.launching?.catch(() => undefined);
    await browser?.close().catch(() => undefined);
  }
}
