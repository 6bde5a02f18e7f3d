// Find and launch the one browser a run uses. Order of choice: PUPPETEER_EXECUTABLE_PATH; an
// installed Chrome or Chromium; the Chromium shipped inside the @sparticuz/chromium npm package.
import { accessSync, constants } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer';

const INSTALLED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

// As root on a closed network: no sandbox, no background connections, no first-run work; each flag's
// reason and what it was seen to change: docs/browser.md.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-quic',
  '--font-render-hinting=none',
];

export interface BrowserChoice {
  executablePath: string;
  source: 'PUPPETEER_EXECUTABLE_PATH' | 'installed' | '@sparticuz/chromium';
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export class BrowserNotFoundError extends Error {
  constructor(detail: string) {
    super(
      `No usable browser: ${detail}\n` +
        'Install one, for example `apt-get install chromium`, or point avim-press at one with\n' +
        '  PUPPETEER_EXECUTABLE_PATH=/path/to/chrome avim-press build ...\n' +
        'On Linux x64 `npm ci` also brings @sparticuz/chromium, which needs no install.',
    );
    this.name = 'BrowserNotFoundError';
  }
}

export async function chooseBrowser(env: NodeJS.ProcessEnv = process.env): Promise<BrowserChoice> {
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) {
    if (!executable(fromEnv)) throw new BrowserNotFoundError(`PUPPETEER_EXECUTABLE_PATH=${fromEnv} is not an executable file`);
    return { executablePath: fromEnv, source: 'PUPPETEER_EXECUTABLE_PATH' };
  }
  const installed = INSTALLED.find(executable);
  if (installed) return { executablePath: installed, source: 'installed' };
  if (process.platform === 'linux' && process.arch === 'x64') {
    try {
      const { default: chromium } = await import('@sparticuz/chromium');
      return { executablePath: await chromium.executablePath(), source: '@sparticuz/chromium' };
    } catch (error) {
      throw new BrowserNotFoundError(`@sparticuz/chromium could not be unpacked (${(error as Error).message})`);
    }
  }
  throw new BrowserNotFoundError('no Chrome or Chromium is installed and none ships for this platform');
}

export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<{ browser: Browser; choice: BrowserChoice }> {
  const choice = await chooseBrowser(env);
  const browser = await puppeteer.launch({
    executablePath: choice.executablePath,
    headless: true,
    args: ARGS,
    // Each run its own empty profile: nothing from a previous run leaks into this one.
    userDataDir: undefined,
    // The CLI handles Ctrl-C and SIGTERM itself (close the browser, remove temporary files, exit
    // 130/143); Puppeteer's own handlers would exit at once and skip that.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  return { browser, choice };
}

// page.evaluate callbacks run in the page; the Node program has no DOM types, so this much is declared.
declare const document: { fonts: { ready: Promise<unknown> } };

/** Wait until the page's web fonts have loaded: layout and screenshots measure text in them. */
export async function waitForFonts(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}
