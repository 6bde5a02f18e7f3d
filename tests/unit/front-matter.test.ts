// Front matter is validated against the schema; every problem points at its line and column.
import { describe, expect, it } from 'vitest';
import { transform } from '../helpers/transform.js';

describe('front matter', () => {
  it('accepts a title alone', async () => {
    const result = await transform('---\ntitle: Only a title\n---\n\nText.\n');
    expect(result.messages).toEqual([]);
    expect(result.file.data.frontMatter).toEqual({ title: 'Only a title' });
  });

  it('reports a missing title', async () => {
    const result = await transform('---\nlang: en\n---\n\nText.\n');
    expect(result.messages).toContain('manuscript/test.md:2:1: error: Missing "title": is required: every manuscript needs a title (frontmatter-missing)');
  });

  it('reports an unknown key with a suggestion', async () => {
    const result = await transform('---\ntitle: T\nauthr: Someone\n---\n');
    expect(result.messages).toContain('manuscript/test.md:3:1: error: Unknown key "authr"; did you mean "author"? (frontmatter-unknown-key)');
  });

  it('reports an unknown nested key with a suggestion', async () => {
    const result = await transform('---\ntitle: T\nauthor:\n  name: A\n  rol: Fellow\n---\n');
    expect(result.messages).toContain('manuscript/test.md:5:3: error: Unknown key "author.rol"; did you mean "role"? (frontmatter-unknown-key)');
  });

  it('reports a wrong type at the value', async () => {
    const result = await transform('---\ntitle: T\nkeywords: not-a-list\n---\n');
    expect(result.messages[0]).toMatch(/^manuscript\/test\.md:3:11: error: "keywords" .*array.* \(frontmatter-invalid\)$/);
  });

  it('reports an unsupported language', async () => {
    const result = await transform('---\ntitle: T\nlang: xx\n---\n');
    expect(result.messages).toContain('manuscript/test.md:3:7: error: "lang" must be a supported language: "en" or "tr" (frontmatter-invalid)');
  });

  it('reports an invalid date', async () => {
    const result = await transform('---\ntitle: T\ndate: 2024-13-01\n---\n');
    expect(result.messages).toContain('manuscript/test.md:3:7: error: "date" must be a date: YYYY, YYYY-MM or YYYY-MM-DD (frontmatter-invalid)');
  });

  it('reports invalid YAML where it breaks', async () => {
    const result = await transform('---\ntitle: [unclosed\n---\n');
    expect(result.messages[0]).toMatch(/^manuscript\/test\.md:\d+:\d+: error: Invalid YAML: .* \(frontmatter-yaml\)$/);
  });

  it('without front matter takes the title from the first heading', async () => {
    const result = await transform('## **A CONVERTED TITLE**\n\n**Ayşe Yılmaz**\n\n**Analyst**\n\nText.\n');
    expect(result.file.data.imported).toMatchObject({ title: 'A CONVERTED TITLE', authors: [{ name: 'Ayşe Yılmaz', role: 'Analyst' }] });
    // Capitals are the converted page's styling: metadata and the title page get the words.
    expect(result.file.data.described).toMatchObject({ title: 'A Converted Title', authors: [{ name: 'Ayşe Yılmaz', role: 'Analyst' }] });
    expect(result.file.data.imported?.titlePlace).toMatchObject({ line: 1, column: 1 });
    expect(result.html).toBe('<p>Text.</p>');
  });

  it('without front matter and without a heading, asks for a title', async () => {
    const result = await transform('Just text.\n');
    expect(result.messages).toContain('manuscript/test.md:1:1: error: Missing title: give `title` in the front matter or start with a heading (frontmatter-missing)');
  });
});

describe('front matter values YAML reads as numbers', () => {
  it('accepts date: 2024, edition: 2 and an unquoted ISBN', async () => {
    const result = await transform('---\ntitle: T\ndate: 2024\nedition: 2\nisbn:\n  pdf: 9780306406157\n  epub: 0-306-40615-2\n---\n\nText.\n');
    expect(result.messages).toEqual([]);
    expect(result.file.data.frontMatter).toMatchObject({ date: '2024', edition: '2', isbn: { pdf: '9780306406157', epub: '0-306-40615-2' } });
    expect(result.file.data.described?.isbn).toEqual({ pdf: '9780306406157', epub: '0-306-40615-2' });
  });

  it('refuses an ISBN whose check digit is wrong', async () => {
    const result = await transform('---\ntitle: T\nisbn: 978-0-306-40615-8\n---\n');
    expect(result.messages).toEqual(['manuscript/test.md:3:7: error: "isbn" must be an ISBN-10 or ISBN-13 with a correct check digit (frontmatter-invalid)']);
    expect((await transform('---\ntitle: T\nisbn: "1234"\n---\n')).messages).toHaveLength(1);
    expect((await transform('---\ntitle: T\nisbn:\n  epub: 0-306-40615-2\n---\n')).messages).toEqual([]);
  });

  it('takes one ISBN for both editions with a warning: each edition needs its own', async () => {
    const result = await transform('---\ntitle: T\nisbn: 0-306-40615-2\n---\n');
    expect(result.messages).toEqual(['manuscript/test.md:3:7: warning: One ISBN for both the PDF and the EPUB: each edition needs its own (isbn: { pdf: …, epub: … }) (isbn-shared)']);
    expect(result.file.data.described?.isbn).toEqual({ pdf: '0-306-40615-2', epub: '0-306-40615-2' });
  });
});
