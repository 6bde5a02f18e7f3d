// `avim-press preview`: the editor's loop. Renders the manuscript (render.ts) in one browser kept for
// the session, serves the laid-out print pages and the EPUB's reading view (server.ts), and on every
// save of a file the render read (watch.ts) renders again and tells the open pages to reload. A
// render that fails keeps the last good pages on show, with its problems; the next good one clears them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../load/project.js';
import { Templates } from '../load/templates.js';
import { editorUrl, formatText } from '../report/format.js';
import { launchBrowser } from '../render/browser.js';
import { pagedjsEngine } from '../render/pdf/engine/pagedjs/pagedjs-engine.js';
import { openPrintPage, preloadFontFaces, resetPrintPage, type PrintPage } from '../render/pdf/print-page.js';
import type { PublishOptions } from '../publication/publish.js';
import type { Project } from '../load/project.js';
import { changesProject, projectShape, renderPreview, type RenderedPreview, type RenderOutcome } from './render.js';
import { startPreviewServer } from './server.js';
import { ChangeWatcher, oneAtATime } from './watch.js';

/** How many renders' fonts stylesheets stay served. */
const KEPT_FONT_SHEETS = 4;
/** The render's last checks wait, at most this long, for the open page to show the pages just sent (it
 * asks for the reading view next, reload.js): run at once, they shared the two cores with the page's work. */
const PAGES_SHOWN_LIMIT_MS = 150;

export interface PreviewOptions extends PublishOptions {
  source: string;
  cwd: string;
  /** The interface to listen on: 127.0.0.1 unless the person says otherwise. */
  host: string;
  port: number;
  env: NodeJS.ProcessEnv;
  /** Stops the preview: server, watcher and browser close, then preview() resolves. */
  signal: AbortSignal;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

/** What the page is told after each render, once its pages are shown (and on connecting). */
export interface PreviewUpdate {
  version: number;
  /** The update whose pages are on show: the page reloads its frames when this changes. */
  pagesVersion: number;
  failed: boolean;
  /** The pages are shown and their last checks still run (system fonts, breaks). */
  checking: boolean;
  pages: number;
  milliseconds: number;
  problems: { severity: string; text: string; href: string }[];
  /** The print pages themselves, in the update that first shows them: the page need not ask for them. */
  printHtml?: string;
}

export async function preview(options: PreviewOptions): Promise<void> {
  const { source, cwd, out, err } = options;
  const relative = path.relative(cwd, source);
  // The preview's own page and styles are avim-press's, whatever templates the project brings.
  const templates = new Templates(path.join(PACKAGE_ROOT, 'templates'));
  const script = readFileSync(templates.file('preview/reload.js'), 'utf8');
  const styles = readFileSync(path.join(PACKAGE_ROOT, 'styles', 'preview.css'), 'utf8');
  // Both views, until a render succeeds (the first may fail): the problems list says why.
  const notRendered = templates.render('preview/not-rendered.ejs', {});
  const { browser } = await launchBrowser(options.env);
  let shown: RenderedPreview | undefined;
  // The fonts of the last few renders: a page still loading an earlier render's pages finds its fonts.
  const fontSheets = new Map<string, string>();
  let update: PreviewUpdate = { version: 0, pagesVersion: 0, failed: false, checking: false, pages: 0, milliseconds: 0, problems: [] };
  // Set once the server runs: the first render's pages are on show when the page is first opened.
  let broadcast: (update: PreviewUpdate) => void = () => {};
  let pagesShown: () => Promise<void> = () => Promise.resolve();
  const closers: (() => Promise<void>)[] = [() => browser.close()];
  // The next render's print page is made ready, with the layout engine and the last render's fonts in
  // it, while the person edits: the last render's page emptied (a new window, about 55 ms with the
  // scripts), not a new page (about 150 ms more); a print HTML set with its fonts took about 50 ms
  // more than without (docs/speed.md).
  let spare: Promise<PrintPage> | undefined;
  // The project of the last render, while none of its files has changed and no file or folder of its
  // own has come or gone.
  let project: { loaded: Project; shape: string } | undefined;
  // What the watcher saw change while a render ran: a project that render loaded may be stale.
  let changedInRender: string[] = [];
  const printPage = () => {
    const page = spare ?? openPrintPage(browser, pagedjsEngine);
    spare = undefined;
    return page;
  };
  const openSpare = (fontFaces: string | undefined, used: PrintPage | undefined) => {
    const close = (page: PrintPage) => void page.page.close().catch(() => undefined);
    if (spare && used) close(used);
    // A page that cannot be emptied (it crashed) is closed, and a new one opened.
    const emptied = (page: PrintPage) =>
      resetPrintPage(page).then(
        () => page,
        () => (close(page), openPrintPage(browser, pagedjsEngine)),
      );
    spare ??= (used ? emptied(used) : openPrintPage(browser, pagedjsEngine)).then((page) => {
      if (fontFaces) preloadFontFaces(page, fontFaces);
      return page;
    });
    // An unused spare is closed with the browser; a failure to open one shows at the next render.
    spare.catch(() => undefined);
  };
  try {
    const problemsOf = (diagnostics: RenderOutcome['diagnostics']) =>
      diagnostics.map((diagnostic) => ({ severity: diagnostic.severity, text: formatText(diagnostic), href: editorUrl(diagnostic.absolutePath, diagnostic) }));
    const show = (rendered: RenderedPreview | undefined) => {
      shown = rendered;
      if (!shown?.fonts) return;
      fontSheets.delete(shown.fonts.urlPath);
      fontSheets.set(shown.fonts.urlPath, shown.fonts.css);
      for (const urlPath of fontSheets.keys()) if (fontSheets.size > KEPT_FONT_SHEETS) fontSheets.delete(urlPath);
    };
    const render = async (): Promise<RenderOutcome> => {
      const before = shown;
      let shownAfter: number | undefined;
      let ended = false;
      // The pages go on show once final, while their last checks run (previewPages).
      const shape = projectShape(cwd);
      changedInRender = [];
      const outcome = await renderPreview(
        source,
        cwd,
        printPage,
        templates,
        options,
        options.env,
        (pages, diagnostics, milliseconds) => {
          if (ended) return;
          shownAfter = Math.round(milliseconds);
          show(pages);
          const version = update.version + 1;
          update = { version, pagesVersion: version, failed: false, checking: true, pages: pages.pages, milliseconds: shownAfter, problems: problemsOf(diagnostics) };
          const shownInPage = pagesShown();
          broadcast({ ...update, printHtml: pages.printHtml });
          return shownInPage;
        },
        project?.shape === shape ? project.loaded : undefined,
      );
      ended = true;
      const loaded = outcome.project;
      project = loaded && !changedInRender.some((file) => changesProject(file, loaded)) ? { loaded, shape } : undefined;
      if (outcome.rendered) show(outcome.rendered);
      // Shown, then failed by a check: the last good pages go back on show.
      else if (shownAfter !== undefined) show(before);
      openSpare(shown?.fontFaces, outcome.printPage);
      const version = update.version + 1;
      // The page reloads its frames when the pages on show are not the ones it was last told of.
      const pagesChanged = outcome.rendered ? shownAfter === undefined : shownAfter !== undefined;
      update = {
        version,
        pagesVersion: pagesChanged ? version : update.pagesVersion,
        failed: !outcome.rendered,
        checking: false,
        pages: shown?.pages ?? 0,
        milliseconds: Math.round(outcome.milliseconds),
        problems: problemsOf(outcome.diagnostics),
      };
      for (const diagnostic of outcome.diagnostics) err.write(`${formatText(diagnostic)}\n`);
      out.write(
        outcome.rendered
          ? `rendered ${relative}: ${outcome.rendered.pages} pages in ${update.milliseconds} ms${shownAfter !== undefined ? ` (shown after ${shownAfter} ms)` : ''}\n`
          : `${relative} failed to render (${update.milliseconds} ms); the last good pages stay on show\n`,
      );
      return outcome;
    };
    const first = await render();
    const server = await startPreviewServer(
      {
        page: () => templates.render('preview/page.ejs', { title: relative, version: update.pagesVersion, pageSelector: shown?.pageSelector ?? '' }),
        script,
        styles,
        printHtml: () => shown?.printHtml ?? notRendered,
        readingHtml: () => shown?.readingHtml ?? notRendered,
        asset: (urlPath) => shown?.assets.get(urlPath),
        fonts: (urlPath) => fontSheets.get(urlPath),
      },
      { host: options.host, port: options.port, current: () => update },
    );
    closers.unshift(() => server.close());
    broadcast = (each) => server.broadcast(each);
    pagesShown = () => server.requested('/reading.html', PAGES_SHOWN_LIMIT_MS);

    // One render at a time; saves during a render make one more render after it.
    // Set once watching; a change seen before that finds it unset.
    const watching: { watcher?: ChangeWatcher } = {};
    const renders = oneAtATime(
      async () => {
        if (options.signal.aborted) return;
        const outcome = await render();
        watching.watcher?.watch(outcome.watched);
        server.broadcast(update);
      },
      (error) => void err.write(`avim-press: preview: ${error.message}\n`),
    );
    const watcher = (watching.watcher = await ChangeWatcher.start(first.watched, (changed) => {
      changedInRender.push(...changed);
      if (project && changed.some((file) => changesProject(file, project!.loaded))) project = undefined;
      renders.trigger();
    }));
    closers.unshift(() => watcher.close());
    out.write(`preview of ${relative} at ${server.url} (Ctrl-C stops it)\n`);
    if (!options.signal.aborted) await new Promise((resolve) => options.signal.addEventListener('abort', resolve, { once: true }));
    await renders.idle();
  } finally {
    for (const close of closers) await close().catch(() => undefined);
  }
}
