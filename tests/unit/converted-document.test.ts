// What a converted document carries besides its text: author section, photo credit, contact block.
import { readFileSync } from 'node:fs';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { TEST_DATES } from '../helpers/publication.js';
import { buildPublication } from '../../src/publication/build-publication.js';
import { SEED } from '../helpers/cli.js';
import { project, transform } from '../helpers/transform.js';

describe('the seed as received', () => {
  it('lifts "About the Author" out of the body onto the author page', async () => {
    const result = await transform(readFileSync(SEED, 'utf8'), { name: 'seed.txt' });
    expect(result.html).not.toContain('About the Author');
    expect(result.html).not.toContain('graduated from the Department');
    const publication = buildPublication(result.file, result.body, project, TEST_DATES);
    expect(publication.sections.map((section) => section.kind)).toEqual(['title-page', 'body', 'notes', 'author', 'colophon']);
    const author = toHtml(publication.sections[3]!.content);
    expect(author).toContain('Şevval Beste Gökçelik');
    expect(author).toContain('Scholar in Residence');
    expect(author).toContain('She joined AVİM as a scholar in residence in November 2020.');
  });

  it('takes the photo credit and drops the trailing contact block', async () => {
    const result = await transform(readFileSync(SEED, 'utf8'), { name: 'seed.txt' });
    expect(result.file.data.imported?.photoCredit).toBe('https://www.globaltimes.cn/page/202201/1246926.shtml');
    for (const detail of ['Süleyman Nazif', '438 50 26', 'info@avim.org.tr', '@avimorgtr', 'facebook.com', '©']) {
      expect(result.html).not.toContain(detail);
    }
    const publication = buildPublication(result.file, result.body, project, TEST_DATES);
    const everything = publication.sections.map((section) => toHtml(section.content)).join('\n');
    for (const detail of [
      'Süleyman Nazif Sok. No: 12/B Daire 3-4 06550 Çankaya-ANKARA / TÜRKİYE',
      '+90 (312) 438 50 23-24',
      '+90 (312) 438 50 26',
      '>info@avim.org.tr<',
      '@avimorgtr',
      'facebook.com/avasyaincelemelerimerkezi<',
    ]) {
      expect(everything.split(detail).length - 1, detail).toBe(1);
    }
  });
});

describe('untrusted raw HTML', () => {
  it('never lets script, iframe, object, embed, meta, base, handlers or javascript: URLs through', async () => {
    const result = await transform(
      '# T\n\n<script>alert(1)</script>\n\n<iframe src="file:///etc/passwd"></iframe>\n\n<object data="x"></object><embed src="y">\n\n' +
        '<meta http-equiv="refresh" content="0;url=http://example.com">\n\n<base href="http://example.com/">\n\n' +
        '<p onclick="alert(1)" style="background:url(http://example.com/x)">Hi <a href="javascript:alert(1)">there</a></p>\n',
    );
    for (const banned of ['<script', 'alert', '<iframe', '<object', '<embed', '<meta', '<base', 'onclick', 'javascript:', 'style=', 'example.com']) {
      expect(result.html).not.toContain(banned);
    }
    expect(result.html).toContain('<p>Hi <a>there</a></p>');
  });
});

describe('links', () => {
  it('keeps web, mail and in-document links; turns dead and file links into text with a warning', async () => {
    const result = await transform('# T\n\n<a id="here"></a>[web](https://example.org) [mail](mailto:a@b.c) [in](#here) [gone](#nowhere) [file](notes.docx)\n');
    expect(result.html).toContain('<a href="https://example.org">web</a>');
    expect(result.html).toContain('<a href="mailto:a@b.c">mail</a>');
    expect(result.html).toContain('<a href="#here">in</a>');
    expect(result.html).toContain('<a>gone</a> <a>file</a>');
    expect(result.messages).toEqual([
      'manuscript/test.md:3:78: warning: Link to "#nowhere", but no element has that id; kept as text (link-dead)',
      'manuscript/test.md:3:95: warning: Link to "notes.docx": a file link cannot work in a PDF or EPUB; kept as text (link-dead)',
    ]);
  });

  it('reports an id used twice', async () => {
    const result = await transform('# T\n\n<span id="x">a</span>\n\n<span id="x">b</span>\n');
    expect(result.messages).toEqual(['manuscript/test.md:5:1: warning: The id "x" is used before; removed here (id-duplicate)']);
    expect(result.html).toContain('<span id="x">a</span>');
    expect(result.html).toContain('<span>b</span>');
  });
});

describe('what the sanitiser drops is reported', () => {
  it('warns, at the line, for each element and attribute removed, and they are gone', async () => {
    const result = await transform(
      '# T\n\n<iframe src="file:///etc/passwd">fallback</iframe>\n\n<p style="background:url(http://example.com/x.png)" onmouseover="steal()">Hi</p>\n\n' +
        '<picture><source srcset="https://tracker.example/p.png 1x"></picture>\n\n<video poster="http://example.com/p.jpg"></video>\n\n' +
        '<style>p.MsoNormal { color: red }</style>\n\n<a href="javascript:alert(1)">x</a> <form action="http://example.com/post">f</form>\n',
    );
    expect(result.messages.filter((message) => message.includes('unsafe-html'))).toEqual([
      'manuscript/test.md:3:1: warning: Removed <iframe file:///etc/passwd> and its content: not allowed in a manuscript (unsafe-html)',
      'manuscript/test.md:5:1: warning: Removed style="background:url(http://example.com/x.png)" from <p>: not allowed in a manuscript (unsafe-html)',
      'manuscript/test.md:5:1: warning: Removed onmouseover="steal()" from <p>: not allowed in a manuscript (unsafe-html)',
      'manuscript/test.md:7:1: warning: Removed <picture>: not allowed in a manuscript (unsafe-html)',
      'manuscript/test.md:9:1: warning: Removed <video>: not allowed in a manuscript (unsafe-html)',
      'manuscript/test.md:11:1: warning: Removed <style> and its content: not allowed in a manuscript (unsafe-html)',
      'manuscript/test.md:13:1: warning: Removed the javascript: href of <a>: only http, https, mailto, tel links are kept (unsafe-html)',
      'manuscript/test.md:13:37: warning: Removed <form>: not allowed in a manuscript (unsafe-html)',
    ]);
    for (const gone of ['iframe', 'passwd', 'fallback', 'style', 'steal', 'example', 'tracker', 'srcset', 'picture', 'video', 'MsoNormal', 'javascript', 'form']) {
      expect(result.html, gone).not.toContain(gone);
    }
    expect(result.html).toContain('<p>Hi</p>');
  });
});

describe('the author section', () => {
  it('recognises a Turkish heading in capitals (I → ı) and keeps a note called in the bio', async () => {
    const result = await transform('---\ntitle: T\nlang: tr\nauthor: Ayşe\n---\n\nMetin[^a].\n\n## YAZAR HAKKINDA\n\nAyşe bir tez yazdı[^b].\n\n[^a]: A.\n[^b]: B.\n');
    expect(result.html).not.toContain('YAZAR');
    const bio = toHtml({ type: 'root', children: result.file.data.authorSection! });
    expect(bio.trim()).toBe('<p>Ayşe bir tez yazdı<sup><a href="#fn-2" id="fnref-2" class="noteref" role="doc-noteref">2</a></sup>.</p>');
    expect(result.messages).toEqual([]);
  });

  it('leaves the section in the text, with a warning, when the front matter has the bio', async () => {
    const result = await transform('---\ntitle: T\nauthor:\n  name: A\n  bio: Given.\n---\n\nText.\n\n## About the Author\n\nOther bio.\n');
    expect(result.html).toContain('Other bio.');
    expect(result.messages).toEqual(['manuscript/test.md:10:1: warning: The front matter gives the author’s bio: this “About the Author” section is left in the text (author-section-ignored)']);
  });
});

describe('what belongs to the author stays', () => {
  it('keeps a closing credit line and a "Photo:" caption in a manuscript with front matter', async () => {
    const result = await transform('---\ntitle: T\n---\n\nText.\n\nPhoto: the summit in Samarkand.\n\nMap © OpenStreetMap contributors; first appeared on avim.org.tr\n');
    expect(result.html).toContain('Photo: the summit in Samarkand.');
    expect(result.html).toContain('Map © OpenStreetMap contributors');
    expect(result.file.data.imported?.photoCredit).toBeUndefined();
  });
});

describe('characters the brand cannot set', () => {
  it('are errors at their line and column when no family has them, warnings when the fallback family sets them', async () => {
    const { loadTypefaces } = await import('../../src/load/typefaces.js');
    const { project } = await import('../helpers/transform.js');
    const { transformManuscript } = await import('../../src/transform/processor.js');
    const { VFile } = await import('vfile');
    const { formatMessages } = await import('../helpers/transform.js');
    const file = new VFile({ path: `${project.root}/manuscript/g.md`, value: '---\ntitle: T\n---\n\nTurkish İı şğ, ḫ, Ω, Ж and → pass; ☞ and 中 do not.\n\n    code ὐ ☞\n' });
    await transformManuscript(file, { brand: project.brand, projectRoot: project.root, defaultLang: 'en', labels: project.labels, typefaces: loadTypefaces(project.brand) });
    expect(formatMessages(file, project.root)).toEqual([
      "manuscript/g.md:5:36: warning: The character “☞” (U+261E) is not in Source Serif 4: it is set in the fallback face, DejaVu Sans; for the brand's own type, give the brand file a family that has it (glyph-fallback)",
      'manuscript/g.md:5:42: error: The character “中” (U+4E2D) is in none of the brand’s typefaces (Source Serif 4, nor the fallback DejaVu Sans); give the brand file a family that has it (glyph-missing)',
      "manuscript/g.md:7:10: warning: The character “ὐ” (U+1F50) is not in Source Code Pro: it is set in the fallback face, DejaVu Sans; for the brand's own type, give the brand file a family that has it (glyph-fallback)",
    ]);
  });
});

describe('characters the brand cannot set in a fenced code block', () => {
  it('are found on their own line, after the fence, inside a quote too', async () => {
    const { loadTypefaces } = await import('../../src/load/typefaces.js');
    const { transformManuscript } = await import('../../src/transform/processor.js');
    const { VFile } = await import('vfile');
    const { formatMessages } = await import('../helpers/transform.js');
    const file = new VFile({ path: `${project.root}/manuscript/c.md`, value: '---\ntitle: T\n---\n\n> ```\n> plain\n> say 中\n> ```\n\nA ☞️ hand: its variation selector needs no glyph.\n' });
    await transformManuscript(file, { brand: project.brand, projectRoot: project.root, defaultLang: 'en', labels: project.labels, typefaces: loadTypefaces(project.brand) });
    expect(formatMessages(file, project.root).map((line) => line.replace(/ is (in none|not in).*/, ''))).toEqual([
      'manuscript/c.md:7:7: error: The character “中” (U+4E2D)',
      'manuscript/c.md:10:3: warning: The character “☞” (U+261E)',
    ]);
  });
});
