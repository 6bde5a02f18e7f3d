// The editor's loop through the real CLI and the real browser: `avim-press preview` serves the
// manuscript's laid-out pages and its EPUB reading view, shows a save, a located error and its fix,
// answers nothing but what the document uses, and stops on Ctrl-C; `build --watch` rebuilds on a save.
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Frame, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/render/browser.js';
import { ROOT, runCliAsync, tempDir } from '../helpers/cli.js';
import { browserPids } from '../helpers/processes.js';
import { pdftotext } from '../helpers/poppler.js';
import { PNG, pngOfSize, tempProject } from '../helpers/projects.js';

const FILLER = Array.from(
  { length: 40 },
  (_, index) => `Paragraph ${index + 1} of the filler keeps the text running over several pages, so that the preview has pages to scroll through and a page to come back to after a save.`,
).join('\n\n');

function manuscript(marker: string, extra = ''): string {
  return `---\ntitle: The Preview Test\n---\n\n${marker} opens the text.[^one]\n\n![A grey figure](figure.png)\n\n<script>window.injected = true</script>\n\n<b onclick="window.injected = true">Bold words</b> stay.\n\n${extra}${FILLER}\n\n[^one]: The one note.\n`;
}

/** Poll `check` until it gives a value that is not undefined (a reload may briefly leave no frame). */
async function until<T>(what: string, check: () => Promise<T | undefined>, seconds = 90): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** An expression evaluated in the page or frame (this program has no DOM types: the page has). */
function inPage<T>(target: Page | Frame, expression: string): Promise<T> {
  return target.evaluate(expression) as Promise<T>;
}

/** GET a raw path (not normalised the way fetch and URL would) with an optional Host header. */
function rawGet(base: string, rawPath: string, host?: string): Promise<{ status: number; body: Buffer; policy: string; cache: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request({ hostname, port, path: rawPath, method: 'GET', ...(host ? { headers: { host } } : {}) }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks),
          policy: String(response.headers['content-security-policy'] ?? ''),
          cache: String(response.headers['cache-control'] ?? ''),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('avim-press preview', () => {
  let project: string;
  let source: string;
  let url: string;
  let cliPid: number;
  let run: ReturnType<typeof runCliAsync>;
  let browser: Browser;
  let page: Page;
  let stdoutLines: string[];

  beforeAll(async () => {
    project = tempProject({ prefix: 'avim-press-preview-' });
    source = path.join(project, 'manuscript', 'article.md');
    writeFileSync(path.join(project, 'manuscript', 'figure.png'), pngOfSize(40, 30));
    // A file outside the project, reachable through a symlink inside it.
    const outside = tempDir('avim-press-outside-');
    writeFileSync(path.join(outside, 'secret.png'), PNG);
    symlinkSync(path.join(outside, 'secret.png'), path.join(project, 'manuscript', 'leak.png'));
    // The symlink is in the manuscript's folder, but no image of the manuscript: not an asset.
    writeFileSync(source, manuscript('Alpha'));
    stdoutLines = [];
    let announced: (value: string) => void;
    const announcement = new Promise<string>((resolve) => (announced = resolve));
    run = runCliAsync(['preview', 'manuscript/article.md'], {
      cwd: project,
      onLine: (line, pid) => {
        stdoutLines.push(line);
        cliPid = pid;
        const found = /at (http:\/\/\S+)/.exec(line)?.[1];
        if (found) announced(found);
      },
    });
    url = await Promise.race([announcement, run.then((result) => Promise.reject(new Error(`preview ended: ${result.status} ${result.stderr}`)))]);
    ({ browser } = await launchBrowser());
    page = await browser.newPage();
    await page.setViewport({ width: 1300, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    if (cliPid && alive(cliPid)) process.kill(cliPid, 'SIGKILL');
  });

  const printFrame = (): Frame | undefined => page.frames().find((frame) => frame.url().includes('/print.html'));
  const readingFrame = (): Frame | undefined => page.frames().find((frame) => frame.url().includes('/reading.html'));
  const printText = async () => {
    const frame = printFrame();
    return frame ? inPage<string>(frame, 'document.body.innerText') : '';
  };
  const problemsShown = () =>
    inPage<{ text: string; href: string }[]>(page, `[...document.querySelectorAll('#preview-problem-list a')].map((link) => ({ text: link.textContent, href: link.getAttribute('href') }))`);

  it('serves on 127.0.0.1 and shows the laid-out pages as text, beside the EPUB reading view at phone width', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const pages = await until('the pages', async () => {
      const frame = printFrame();
      const count = frame ? await inPage<number>(frame, `document.querySelectorAll('.pagedjs_page').length`) : 0;
      return count > 1 ? count : undefined;
    });
    expect(pages).toBeGreaterThan(1);
    expect(await printText()).toContain('Alpha opens the text.');
    // The footnote sits at the foot of its page, as in the PDF, and the running head is there.
    expect(await inPage<string>(printFrame()!, `[...document.querySelectorAll('.pagedjs_footnote_content')].map((area) => area.textContent).join(' ')`)).toContain('The one note.');
    // Selectable text, not a picture: a selection of the page holds the words.
    const selected = await inPage<string>(
      printFrame()!,
      `(() => {
        const paragraph = [...document.querySelectorAll('.pagedjs_page p')].find((element) => element.textContent.includes('Alpha opens'));
        const range = document.createRange();
        range.selectNodeContents(paragraph);
        getSelection().removeAllRanges();
        getSelection().addRange(range);
        return getSelection().toString();
      })()`,
    );
    expect(selected).toContain('Alpha opens the text.');
    const reading = readingFrame()!;
    expect(await inPage<string>(reading, 'document.body.innerText')).toContain('Alpha opens the text.');
    expect(await inPage<number>(page, `document.getElementById('preview-reading').getBoundingClientRect().width`)).toBeGreaterThanOrEqual(390);
    // The figure comes from the asset list, through the server.
    const figure = await until('the figure to load', () =>
      inPage<{ src: string; width: number } | undefined>(
        reading,
        `(() => {
          const image = document.querySelector('img[alt="A grey figure"]');
          return image && image.complete && image.naturalWidth > 0 ? { src: image.getAttribute('src'), width: image.naturalWidth } : undefined;
        })()`,
      ),
    );
    expect(figure.width).toBe(40);
    // Its URL names its content: a new image under the same name is a change of the view's markup.
    expect(figure.src).toMatch(/^\/assets\/manuscript\/figure\.png\?v=[0-9a-f]{12}$/);
    // The pages' fonts come from a stylesheet of their own, which the browser may keep across renders.
    const fonts = await inPage<{ href: string | null; styles: number; loaded: boolean }>(
      printFrame()!,
      `document.fonts.ready.then(() => ({ href: document.querySelector('link[rel="stylesheet"][href^="/fonts/"]')?.getAttribute('href') ?? null, styles: [...document.styleSheets].length, loaded: document.fonts.check('12px "Source Serif 4"') && [...document.fonts].some((face) => face.status === 'loaded') }))`,
    );
    expect(fonts.href).toMatch(/^\/fonts\/[0-9a-f]{16}\.css$/);
    expect(fonts.loaded).toBe(true);
    const sheet = await rawGet(url, fonts.href!);
    expect([sheet.status, sheet.cache]).toEqual([200, 'private, max-age=31536000, immutable']);
    expect(sheet.body.toString('utf8')).toMatch(/^@font-face ?\{/);
    expect((await rawGet(url, '/print.html')).body.toString('utf8')).not.toContain('@font-face');
  });

  it('sanitises as the build does: no script from the manuscript reaches either view, and none runs', async () => {
    for (const view of ['/print.html', '/reading.html']) {
      const { status, body, policy } = await rawGet(url, view);
      expect(status).toBe(200);
      // Served under a policy that lets no script run at all.
      expect(policy, view).toMatch(/default-src 'none'/);
      expect(policy, view).not.toMatch(/script-src/);
      const html = body.toString('utf8');
      expect(html, view).not.toMatch(/<script/i);
      expect(html, view).not.toMatch(/onclick/i);
      expect(html, view).toContain('Bold words');
    }
    expect(await inPage<boolean>(printFrame()!, 'window.injected === true')).toBe(false);
  });

  it('shows a save: the new text appears, on the same page the reader was at', async () => {
    // Scroll the print frame to the third page.
    await inPage(printFrame()!, `document.querySelectorAll('.pagedjs_page')[2].scrollIntoView()`);
    // Marks on the documents on show: a change of text is put into them, not loaded as new ones.
    for (const frame of [printFrame()!, readingFrame()!]) await inPage(frame, 'document.shownBefore = true');
    writeFileSync(source, manuscript('Beta'));
    await until('the new text', async () => ((await printText()).includes('Beta opens the text.') ? true : undefined));
    await until('the page index restored', async () => ((await inPage<string>(page, 'document.documentElement.dataset.page')) === '2' ? true : undefined));
    const topPage = await inPage<number>(printFrame()!, `[...document.querySelectorAll('.pagedjs_page')].findIndex((element) => element.getBoundingClientRect().bottom > 1)`);
    expect(topPage).toBe(2);
    // The reading view follows once the pages are shown (reload.js shows it after them).
    await until('the reading view', async () => ((await inPage<string>(readingFrame()!, 'document.body.innerText')).includes('Beta opens the text.') ? true : undefined));
    // Each frame holds exactly the document the server now serves, in the same document as before.
    const same = await inPage<Record<string, boolean>>(
      page,
      `Promise.all(['print', 'reading'].map(async (view) => {
        const served = new DOMParser().parseFromString(await (await fetch('/' + view + '.html')).text(), 'text/html');
        const shown = document.getElementById('preview-' + view).contentDocument;
        return [view, served.head.isEqualNode(shown.head) && served.body.isEqualNode(shown.body)];
      })).then(Object.fromEntries)`,
    );
    expect(same).toEqual({ print: true, reading: true });
    for (const frame of [printFrame()!, readingFrame()!]) expect(await inPage<boolean>(frame, 'document.shownBefore === true')).toBe(true);
    // Laid out in a page that held the first render's fonts (print-page.ts), the new pages still link them.
    const fonts = await inPage<{ href: string | null; loaded: boolean }>(
      printFrame()!,
      `document.fonts.ready.then(() => ({ href: document.querySelector('link[rel="stylesheet"][href^="/fonts/"]')?.getAttribute('href') ?? null, loaded: document.fonts.check('12px "Source Serif 4"') && [...document.fonts].some((face) => face.status === 'loaded') }))`,
    );
    expect(fonts.href).toMatch(/^\/fonts\/[0-9a-f]{16}\.css$/);
    expect(fonts.loaded).toBe(true);
  });

  it('shows a located error with its rule, linked to the editor, keeps the last good pages, and clears it once fixed', async () => {
    writeFileSync(source, manuscript('Gamma', 'A call to a note nobody wrote.[^missing]\n\n'));
    const line = manuscript('Gamma', 'A call to a note nobody wrote.[^missing]\n\n')
      .split('\n')
      .findIndex((text) => text.includes('[^missing]'));
    const column = manuscript('Gamma', 'A call to a note nobody wrote.[^missing]\n\n').split('\n')[line]!.indexOf('[^missing]') + 1;
    const shown = await until('the error in the page', async () => {
      const problems = await problemsShown();
      return problems.find((problem) => problem.text.includes('(note-undefined)'));
    });
    expect(shown.text).toContain(`manuscript/article.md:${line + 1}:${column}: error:`);
    expect(shown.href).toBe(`vscode://file${encodeURI(source)}:${line + 1}:${column}`);
    expect(await inPage<string>(page, 'document.documentElement.dataset.failed')).toBe('true');
    // The last good pages stay.
    expect(await printText()).toContain('Beta opens the text.');
    writeFileSync(source, manuscript('Delta'));
    await until('the fixed text', async () => ((await printText()).includes('Delta opens the text.') ? true : undefined));
    expect((await problemsShown()).filter((problem) => problem.text.includes('note-undefined'))).toEqual([]);
    expect(await inPage<string>(page, 'document.documentElement.dataset.failed')).toBe('false');
  });

  it('shows the pages once laid out, while their last checks run, and puts the last good ones back when a check fails them', async () => {
    // The updates the page is told of, in order (reload.js reloads its frames when pagesVersion changes).
    await inPage(page, `(() => { window.updates = []; new EventSource('/events').addEventListener('message', (event) => window.updates.push(JSON.parse(event.data))); })()`);
    const updates = () => inPage<{ version: number; pagesVersion: number; failed: boolean; checking: boolean }[]>(page, 'window.updates');
    const since = (await updates()).length;
    // The designer sets the body in a system font: the system-font check, which runs once the pages are
    // shown, fails the render. (The project's own styles, copied first; the save after them makes the render.)
    cpSync(path.join(ROOT, 'styles'), path.join(project, 'styles'), { recursive: true });
    const printCss = path.join(project, 'styles', 'print.css');
    const designed = readFileSync(printCss, 'utf8');
    writeFileSync(printCss, `${designed}\n.part-body p { font-family: monospace; }\n`);
    writeFileSync(source, manuscript('Epsilon'));
    const problem = await until('the font error in the page', async () => (await problemsShown()).find((shown) => shown.text.includes('(font-fallback)')));
    expect(problem.text).toContain('system font');
    // (This stream and the page's own are two connections: what this one was told may come a little later.)
    const told = await until('the failed render told of', async () => {
      const all = (await updates()).slice(since);
      return all.at(-1)?.failed ? all : undefined;
    });
    const early = told.find((each) => each.checking);
    expect(early).toMatchObject({ failed: false, pagesVersion: early!.version });
    expect(told.at(-1)).toMatchObject({ failed: true, checking: false });
    expect(told.at(-1)!.pagesVersion).toBeGreaterThan(early!.pagesVersion);
    // The frames went back to the last good pages.
    await until('the last good pages', async () => ((await printText()).includes('Delta opens the text.') ? true : undefined));
    expect(await printText()).not.toContain('Epsilon');
    expect(await inPage<string>(page, 'document.documentElement.dataset.failed')).toBe('true');
    // Fixed: shown once laid out, and not again when the checks pass.
    writeFileSync(printCss, designed);
    // That render's checks end after its pages show: its last update, of the pages the page shows, first.
    await until('the style fixed, its checks done', async () => {
      const last = (await updates()).at(-1);
      const shown = Number(await inPage<string>(page, 'document.documentElement.dataset.shown'));
      return (await printText()).includes('Epsilon opens the text.') && last?.checking === false && last.pagesVersion === shown ? true : undefined;
    });
    const before = (await updates()).length;
    writeFileSync(source, manuscript('Zeta'));
    await until('the fixed text', async () => ((await printText()).includes('Zeta opens the text.') ? true : undefined));
    // On a loaded machine one save may come as two changes far enough apart to make two renders (the
    // first may even end between the wait above and `before`): the render judged is the last one that
    // showed its pages, from that update on.
    const fixed = await until('the checks done', async () => {
      const since = (await updates()).slice(before);
      const start = since.findLastIndex((each) => each.checking);
      return start >= 0 && since.length > start + 1 ? { since, render: since.slice(start) } : undefined;
    });
    expect(fixed.since.filter((each) => each.failed)).toEqual([]);
    expect(fixed.render.map((each) => [each.checking, each.failed])).toEqual([
      [true, false],
      [false, false],
    ]);
    expect(fixed.render[1]!.pagesVersion).toBe(fixed.render[0]!.pagesVersion);
    expect((await problemsShown()).filter((shown) => shown.text.includes('font-fallback'))).toEqual([]);
  });

  it('renders again when an image the manuscript shows is saved', async () => {
    writeFileSync(path.join(project, 'manuscript', 'figure.png'), pngOfSize(64, 30));
    const width = await until('the new figure', async () => {
      const frame = readingFrame();
      const found = frame ? await inPage<number>(frame, `document.querySelector('img[alt="A grey figure"]')?.naturalWidth ?? 0`) : 0;
      return found === 64 ? found : undefined;
    });
    expect(width).toBe(64);
  });

  it('answers only its page, its stream, the rendered output and the files of the asset list', async () => {
    const figure = await rawGet(url, '/assets/manuscript/figure.png');
    expect(figure.status).toBe(200);
    expect(figure.body.subarray(1, 4).toString('latin1')).toBe('PNG');
    const refused = [
      '/assets/',
      '/assets/manuscript/',
      '/manuscript/',
      '/assets/manuscript/article.md',
      '/manuscript/article.md',
      '/avim-press.config.yaml',
      '/assets/manuscript/leak.png',
      '/assets/../avim-press.config.yaml',
      '/../avim-press.config.yaml',
      '/assets/manuscript/../../avim-press.config.yaml',
      '/assets/%2e%2e/avim-press.config.yaml',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/manuscript%2ffigure.png',
      '/assets%2fmanuscript%2ffigure.png',
      '/etc/passwd',
      '//etc/passwd',
      `/${path.join(project, 'avim-press.config.yaml')}`,
      '/assets/manuscript\\figure.png',
      '/fonts/0000000000000000.css',
    ];
    for (const rawPath of refused) expect((await rawGet(url, rawPath)).status, rawPath).toBe(404);
    // A name pointed at 127.0.0.1 by another site is not this machine's.
    expect((await rawGet(url, '/', 'attacker.example')).status).toBe(403);
    // Listening on the loopback interface only: another address of this machine refuses.
    const other = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (other) {
      const port = new URL(url).port;
      await expect(rawGet(`http://${other.address}:${port}/`, '/')).rejects.toThrow(/ECONNREFUSED/);
    }
  });

  it('prints the problems in the terminal too, and stops cleanly on Ctrl-C: the browser closed, exit 0', async () => {
    const browsers = browserPids(cliPid);
    expect(browsers.length).toBeGreaterThan(0);
    process.kill(cliPid, 'SIGINT');
    const result = await run;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('preview stopped');
    expect(result.stderr).toMatch(/manuscript\/article\.md:\d+:\d+: error: .*\(note-undefined\)/);
    expect(stdoutLines.filter((line) => line.startsWith('rendered manuscript/article.md')).length).toBeGreaterThanOrEqual(3);
    expect(browsers.filter(alive)).toEqual([]);
  });
});

describe('avim-press preview of a manuscript with an error from the start', () => {
  it('shows the error and no pages, then the pages once the fix is saved', async () => {
    const project = tempProject({ prefix: 'avim-press-preview-error-' });
    const source = path.join(project, 'manuscript', 'broken.md');
    writeFileSync(source, '---\ntitle: Broken\n---\n\nA call to nothing.[^nothing]\n');
    let announced: (value: string) => void;
    const announcement = new Promise<string>((resolve) => (announced = resolve));
    let pid = 0;
    const run = runCliAsync(['preview'], {
      cwd: project,
      onLine: (line, childPid) => {
        pid = childPid;
        const found = /at (http:\/\/\S+)/.exec(line)?.[1];
        if (found) announced(found);
      },
    });
    const url = await Promise.race([announcement, run.then((result) => Promise.reject(new Error(`preview ended: ${result.status} ${result.stderr}`)))]);
    const { browser } = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(url, { waitUntil: 'load' });
      const problem = await until('the error', async () => {
        const texts = await inPage<string[]>(page, `[...document.querySelectorAll('#preview-problem-list a')].map((link) => link.textContent)`);
        return texts.find((text) => text.includes('(note-undefined)'));
      });
      expect(problem).toMatch(/^manuscript\/broken\.md:5:19: error: /);
      const printFrameText = async () => {
        const frame = page.frames().find((candidate) => candidate.url().includes('/print.html'));
        return frame ? inPage<string>(frame, 'document.body.innerText') : '';
      };
      expect(await printFrameText()).toContain('Not rendered yet');
      writeFileSync(source, '---\ntitle: Broken\n---\n\nA call to something.[^something]\n\n[^something]: The note.\n');
      await until('the pages', async () => ((await printFrameText()).includes('A call to something.') ? true : undefined));
      const left = await inPage<string[]>(page, `[...document.querySelectorAll('#preview-problem-list a')].map((link) => link.textContent)`);
      expect(left.filter((text) => text.includes(': error: '))).toEqual([]);
    } finally {
      await browser.close();
      if (pid) process.kill(pid, 'SIGINT');
      expect((await run).status).toBe(0);
    }
  });
});

describe('avim-press build --watch', () => {
  it('builds, rebuilds the artifacts on a save, and stops on Ctrl-C', async () => {
    const project = tempProject({ prefix: 'avim-press-watch-' });
    const source = path.join(project, 'manuscript', 'watched.md');
    mkdirSync(path.dirname(source), { recursive: true });
    writeFileSync(source, '---\ntitle: Watched\n---\n\nThe first words.\n');
    let builds = 0;
    let pid = 0;
    const run = runCliAsync(['build', '--watch', '--format', 'pdf'], {
      cwd: project,
      onLine: (line, childPid) => {
        pid = childPid;
        // The watcher says when it is watching: then a save.
        if (line.startsWith('watching')) writeFileSync(source, '---\ntitle: Watched\n---\n\nThe second words.\n');
        if (!line.startsWith('built ')) return;
        builds += 1;
        if (builds === 2) process.kill(childPid, 'SIGINT');
      },
    });
    const result = await run;
    expect(pid).toBeGreaterThan(0);
    expect(result.status, result.stderr).toBe(0);
    expect(builds).toBe(2);
    expect(pdftotext(path.join(project, 'dist', 'watched.pdf')).join('\n')).toContain('The second words.');
  });
});
