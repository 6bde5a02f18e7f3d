// In the page, before its print HTML: the faces of @font-face rules loaded into the window's font set
// as FontFace objects. Puppeteer's setContent keeps them (document.open keeps the document and its
// FontFaceSet; docs/browser.md), so a print HTML with the same rules can come without them: the
// preview's next page holds the last render's fonts while the person types (print-page.ts).
export async function loadFontFaces(css: string): Promise<number> {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const rules = Array.from(style.sheet?.cssRules ?? []).filter((rule): rule is CSSFontFaceRule => rule instanceof CSSFontFaceRule);
  const faces = rules.map((rule) => {
    const descriptor = (name: string) => rule.style.getPropertyValue(name).trim();
    // The family as a name, not as the quoted CSS string the rule gives back.
    const family = descriptor('font-family').replace(/^(["'])(.*)\1$/, '$2');
    const descriptors: FontFaceDescriptors = {};
    for (const [name, key] of [
      ['font-style', 'style'],
      ['font-weight', 'weight'],
      ['font-stretch', 'stretch'],
      ['unicode-range', 'unicodeRange'],
      ['font-feature-settings', 'featureSettings'],
      ['font-display', 'display'],
    ] as const) {
      const value = descriptor(name);
      if (value) descriptors[key] = value as never;
    }
    return new FontFace(family, descriptor('src'), descriptors);
  });
  style.remove();
  await Promise.all(faces.map((face) => face.load()));
  for (const face of faces) document.fonts.add(face);
  return faces.length;
}
