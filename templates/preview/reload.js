// The live preview page's own script: it listens to the server's event stream, and when the pages on
// show change (a render's pages, shown as soon as they are laid out, or the last good ones back after a
// check failed them) reloads the two frames, keeping the print frame on the same page (and the reading
// view at the same place), and lists the render's problems, each linked to its place in an editor. The
// frames themselves run no script: this one reads them from outside (they are same-origin, sandboxed).
const root = document.documentElement;
const printFrame = document.getElementById('preview-print');
const readingFrame = document.getElementById('preview-reading');
const status = document.getElementById('preview-status');
const problems = document.getElementById('preview-problems');
const problemList = document.getElementById('preview-problem-list');
let shownVersion = Number(root.dataset.version);

/** The page at the top of the print frame, and how far into it the frame is scrolled. */
function printPlace() {
  const view = printFrame.contentDocument;
  if (!view || !root.dataset.pageSelector) return { index: 0, offset: 0 };
  const pages = [...view.querySelectorAll(root.dataset.pageSelector)];
  const index = Math.max(
    0,
    pages.findIndex((page) => page.getBoundingClientRect().bottom > 0),
  );
  return { index, offset: pages[index] ? -pages[index].getBoundingClientRect().top : 0 };
}

function restorePrintPlace(place) {
  const view = printFrame.contentDocument;
  const pages = view ? view.querySelectorAll(root.dataset.pageSelector) : [];
  const page = pages[Math.min(place.index, pages.length - 1)];
  if (!page) return;
  printFrame.contentWindow.scrollTo(0, page.getBoundingClientRect().top + printFrame.contentWindow.scrollY + place.offset);
  root.dataset.page = String(place.index);
}

function reload(frame, url, afterLoad) {
  frame.addEventListener('load', afterLoad, { once: true });
  frame.contentWindow.location.replace(url);
}

function showProblems(update) {
  problemList.replaceChildren(
    ...update.problems.map((problem) => {
      const item = document.createElement('li');
      item.className = `preview-problem preview-${problem.severity}`;
      const link = document.createElement('a');
      link.href = problem.href;
      link.textContent = problem.text;
      item.append(link);
      return item;
    }),
  );
  problems.hidden = update.problems.length === 0;
  status.textContent = update.failed
    ? `Not rendered (${update.milliseconds} ms): the last good pages are shown`
    : update.checking
      ? `${update.pages} pages, laid out in ${update.milliseconds} ms; checking fonts and breaks`
      : `${update.pages} pages, rendered in ${update.milliseconds} ms`;
  root.dataset.failed = String(update.failed);
}

const events = new EventSource('/events');
events.addEventListener('message', (event) => {
  const update = JSON.parse(event.data);
  showProblems(update);
  if (update.pagesVersion === shownVersion) {
    root.dataset.shown = String(shownVersion);
    return;
  }
  shownVersion = update.pagesVersion;
  const place = printPlace();
  const readingTop = readingFrame.contentWindow.scrollY;
  // The print pages first, the reading view once they are shown: loaded at once, the two frames
  // share the machine's time and the pages come later.
  reload(printFrame, `/print.html?v=${update.pagesVersion}`, () => {
    restorePrintPlace(place);
    root.dataset.shown = String(update.pagesVersion);
    reload(readingFrame, `/reading.html?v=${update.pagesVersion}`, () => readingFrame.contentWindow.scrollTo(0, readingTop));
  });
});
