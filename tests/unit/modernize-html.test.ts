// Old HTML as long documentation pages carry it (GitHub renders it), on trees: rehype-modernize-html
// gives it its HTML5 form, and the sanitiser's schema keeps no attribute HTML5 lacks on an element.
// The EPUB built from such a manuscript is validated through the CLI (raw-html-slips.md).
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import rehypeModernizeHtml from '../../src/transform/plugins/rehype-modernize-html.js';
import rehypeReportUnsafe from '../../src/transform/plugins/rehype-report-unsafe.js';
import rehypeSanitize from 'rehype-sanitize';
import { sanitizeSchema } from '../../src/transform/sanitize-schema.js';

const modernized = (html: string) => {
  const root = fromHtml(html, { fragment: true });
  rehypeModernizeHtml()(root);
  return toHtml(root);
};

describe('rehype-modernize-html', () => {
  it('gives a paragraph, heading or division its alignment as a class, and <center> as a centred division', () => {
    expect(modernized('<p align="center"><img src="logo.png" alt="Logo"></p><h1 align="CENTER">T</h1><div align="right" class="note">x</div>')).toBe(
      '<p class="align-center"><img src="logo.png" alt="Logo"></p><h1 class="align-center">T</h1><div class="note align-right">x</div>',
    );
    expect(modernized('<center>centred</center>')).toBe('<div class="align-center">centred</div>');
    expect(modernized('<p align="middle">x</p>')).toBe('<p>x</p>');
  });

  it('turns a named anchor into an id, and obsolete elements into their HTML5 form', () => {
    expect(modernized('<a name="usage"></a><a name="x" id="y">k</a>')).toBe('<a id="usage"></a><a id="y">k</a>');
    expect(modernized('<strike>old</strike> <tt>mono</tt> <acronym title="Center for Eurasian Studies">AVİM</acronym>')).toBe(
      '<s>old</s> <code>mono</code> <abbr title="Center for Eurasian Studies">AVİM</abbr>',
    );
  });
});

describe('an image’s size', () => {
  it('in pixels becomes the number HTML5 takes; in another unit it is removed, with a warning', () => {
    const root = fromHtml('<img src="a.png" alt="" width="120px" height="50%">\n<img src="b.png" alt="" width=" 80 " height="auto">', { fragment: true });
    const file = new VFile({ path: 'manuscript/test.md' });
    rehypeModernizeHtml()(root, file);
    expect(toHtml(root)).toBe('<img src="a.png" alt="" width="120">\n<img src="b.png" alt="" width="80">');
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.ruleId} ${message.reason}`)).toEqual([
      '1:1 html-invalid Removed height="50%" from <img>: HTML5 gives an image\'s height in pixels, as a number (write height="120", or none)',
      '2:1 html-invalid Removed height="auto" from <img>: HTML5 gives an image\'s height in pixels, as a number (write height="120", or none)',
    ]);
  });
});

describe('the sanitiser keeps attributes only where HTML5 has them', () => {
  const sanitized = async (html: string) => {
    const file = new VFile({ path: 'manuscript/test.md' });
    const root = await unified()
      .use(rehypeModernizeHtml)
      .use(rehypeReportUnsafe, sanitizeSchema)
      .use(rehypeSanitize, sanitizeSchema)
      .run(fromHtml(html, { fragment: true }), file);
    return { html: toHtml(root), messages: file.messages.map((message) => `${message.ruleId} ${message.reason}`) };
  };

  it('removes a table’s and a cell’s presentational attributes, with a warning under html-invalid', async () => {
    const result = await sanitized('<table border="1" width="100%" cellpadding="2"><tr><td valign="top" nowrap colspan="2" align="right">c</td></tr></table>');
    expect(result.html).toBe('<table><tbody><tr><td colspan="2" align="right">c</td></tr></tbody></table>');
    expect(result.messages).toHaveLength(5);
    for (const message of result.messages) expect(message).toMatch(/^html-invalid Removed \w+="[^"]*" from <(table|td)>: HTML5 has no such attribute there/);
  });

  it('removes the obsolete elements that only set a look, keeping their text, under html-invalid', async () => {
    expect(await sanitized('<p><big>big</big> and <font color="red">red</font></p>')).toEqual({
      html: '<p>big and red</p>',
      messages: [
        "html-invalid Removed <big>, kept its text: HTML5 has no such element (the look is the stylesheets' to set)",
        "html-invalid Removed <font>, kept its text: HTML5 has no such element (the look is the stylesheets' to set)",
      ],
    });
  });

  it('keeps what HTML5 has: an image’s size, a list’s start and type, a cell’s span, a details’ open', async () => {
    const html = '<ol start="3" type="a" reversed><li value="5">x</li></ol><img src="a.png" alt="A" width="10" height="20"><details open><summary>s</summary>d</details>';
    const result = await sanitized(html);
    expect(result.html).toBe(html);
    expect(result.messages).toEqual([]);
    expect((await sanitized('<div alt="x" width="3">d</div>')).html).toBe('<div>d</div>');
  });
});
