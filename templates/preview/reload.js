// The live preview page's own script: it listens to the server's event stream, and when the pages on
// show change (a render's pages, shown as soon as they are laid out, or the last good ones back after a
// check failed them) brings the two frames up to date, keeping the print frame on the same page (and the
// reading view at the same place), and lists the render's problems, each linked to its place in an
// editor. The frames themselves run no script: this one reads and writes them from outside (they are
// same-origin, sandboxed).
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

/** How deep the views are compared: the print's body, its pages' container, each page (a page that
 * differs is put in whole); the reading view's body, each content document, each block. */
const COMPARED_LEVELS = 3;
/** The frames loading a document: a later version loads too (its document would be replaced under it). */
const loading = new Set();

/** The same attributes on `live` as on `next`. */
function copyAttributes(live, next) {
  for (const { name } of [...live.attributes]) if (!next.hasAttribute(name)) live.removeAttribute(name);
  for (const { name, value } of [...next.attributes]) if (live.getAttribute(name) !== value) live.setAttribute(name, value);
}

/** Puts into `live` the children of `next` that differ from its own, position by position, `levels` deep;
 * below that, a child that differs is replaced whole. What is the same stays as it is, laid out. */
function patchChildren(live, next, levels) {
  const lives = [...live.childNodes];
  const nexts = [...next.childNodes];
  for (let index = 0; index < Math.max(lives.length, nexts.length); index++) {
    const old = lives[index];
    const fresh = nexts[index];
    if (!fresh) old.remove();
    else if (!old) live.append(live.ownerDocument.importNode(fresh, true));
    else if (old.isEqualNode(fresh)) continue;
    else if (levels > 1 && old.nodeType === Node.ELEMENT_NODE && old.nodeName === fresh.nodeName) {
      copyAttributes(old, fresh);
      patchChildren(old, fresh, levels - 1);
    } else old.replaceWith(live.ownerDocument.importNode(fresh, true));
  }
}

/**
 * Shows the document at `url` in `frame`. When only its body differs from the one on show (the same
 * styles and fonts: a change of text), the differences are put into the frame's document: its fonts
 * stay loaded, its unchanged pages laid out, its scroll where it was. Otherwise (a style, a font, the
 * first render) the frame loads it. The documents run no script either way: they are only read and
 * written from here. `sent`: the document itself, when the update carried it. Resolves to false when a
 * later version came meanwhile.
 */
async function showIn(frame, url, version, sent) {
  let next;
  try {
    const html = sent ?? (await fetch(url).then((response) => (response.ok ? response.text() : undefined)));
    if (html !== undefined) next = new DOMParser().parseFromString(html, 'text/html');
  } catch {
    // The frame loads it below, and shows what the server says.
  }
  if (version !== shownVersion) return false;
  const view = frame.contentDocument;
  const sameShell =
    next &&
    view &&
    !loading.has(frame) &&
    view.readyState === 'complete' &&
    view.head &&
    view.body &&
    view.head.isEqualNode(next.head) &&
    view.documentElement.attributes.length === next.documentElement.attributes.length &&
    [...next.documentElement.attributes].every(({ name, value }) => view.documentElement.getAttribute(name) === value);
  if (sameShell) {
    copyAttributes(view.body, next.body);
    patchChildren(view.body, next.body, COMPARED_LEVELS);
    return true;
  }
  loading.add(frame);
  await new Promise((resolve) => {
    frame.addEventListener('load', resolve, { once: true });
    frame.contentWindow.location.replace(url);
  });
  loading.delete(frame);
  return version === shownVersion;
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
  const version = (shownVersion = update.pagesVersion);
  const place = printPlace();
  const readingTop = readingFrame.contentWindow.scrollY;
  // The print pages first, the reading view once they are shown: at once, the two frames share the
  // machine's time and the pages come later.
  void showIn(printFrame, `/print.html?v=${version}`, version, update.printHtml).then(async (current) => {
    if (!current) return;
    restorePrintPlace(place);
    root.dataset.shown = String(version);
    if (await showIn(readingFrame, `/reading.html?v=${version}`, version)) readingFrame.contentWindow.scrollTo(0, readingTop);
  });
});
