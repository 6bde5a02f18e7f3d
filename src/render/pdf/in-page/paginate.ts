// In the page: lay the publication out into pages with Paged.js (its source already evaluated in
// the page), then undo what Paged.js adds that the PDF must not carry: its own footnote calls (empty,
// since ::footnote-call is none and the numbers are in the text) and the random ids it gives notes,
// which Chromium would write out as named destinations and make every build's bytes differ.
export async function paginate(settings: { hyphenGlyph: string }): Promise<{ pages: number }> {
  interface Flow {
    total: number;
  }
  const { Paged } = globalThis as unknown as { Paged: { Previewer: new (settings: object) => { preview(): Promise<Flow> } } };
  const flow = await new Paged.Previewer(settings).preview();
  document.querySelectorAll('[data-footnote-call]').forEach((call) => call.remove());
  document.querySelectorAll('[data-note="footnote"][id^="note-"]').forEach((note) => note.removeAttribute('id'));
  return { pages: flow.total };
}
