// Generated broken and hostile manuscripts through the real CLI: each either builds artifacts that
// validate or fails with a located diagnostic and exit 1 — never a stack trace, never a hang.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { epubcheckTs } from '../helpers/epub.js';

const title = '---\ntitle: Broken\n---\n\n';

/** name → [content, the diagnostic expected (a regexp) or 'builds']. */
const CASES: Record<string, [string | Buffer, RegExp | 'builds']> = {
  'empty file': ['', /:1:1: error: Missing title.*\(frontmatter-missing\)/],
  'truncated front matter': ['---\ntitle: Cut off\nauthor:\n  name: X\n', /:1:1: error: The front matter is never closed.*\(frontmatter-unclosed\)/],
  'invalid YAML': ['---\ntitle: [a, b\n---\n\nText.\n', /:2:\d+: error: Invalid YAML: .*\(frontmatter-yaml\)/],
  'binary bytes': [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /:\d+:1: error: (The file is not valid UTF-8|This is not a text file).*\(encoding\)/],
  'invalid UTF-8': [
    Buffer.concat([Buffer.from(`${title}Good line.\n\nBad `), Buffer.from([0xc3, 0x28]), Buffer.from(' byte.\n')]),
    /:7:1: error: The file is not valid UTF-8: save it as UTF-8 \(encoding\)/,
  ],
  'NUL byte in text': [`${title}Text\0 with a NUL.\n`, /:5:1: error: This is not a text file.*\(encoding\)/],
  'byte-order mark and CRLF': ['\uFEFF---\r\ntitle: Windows\r\n---\r\n\r\nText[^a].\r\n\r\n[^a]: A note.\r\n', 'builds'],
  '10 000-deep block quotes': [`${title}${'>'.repeat(10_000)} deep\n`, /:5:1: error: Nesting 10000 levels deep; the limit is 64.*\(limit\)/],
  '1 000-deep lists': [`${title}${Array.from({ length: 1_000 }, (_, depth) => `${'  '.repeat(depth)}- item`).join('\n')}\n`, /:\d+:1: error: Nesting 65 levels deep; the limit is 64.*\(limit\)/],
  '50 000 notes': [
    `${title}${Array.from({ length: 50_000 }, (_, index) => `w[^${index}]`).join(' ')}\n\n${Array.from({ length: 50_000 }, (_, index) => `[^${index}]: n`).join('\n')}\n`,
    /:\d+:1: error: More than 5000 notes; the limit is 5000.*\(limit\)/,
  ],
  '20 MB manuscript': [`${title}${'word '.repeat(4_200_000)}\n`, /:1:1: error: The manuscript is 20\.0 MB; the limit is 8\.0 MB.*\(limit\)/],
  'a note calling itself': [`${title}Text[^a].\n\n[^a]: I call myself[^a].\n`, 'builds'],
  'notes calling each other': [`${title}Text[^a].\n\n[^a]: See[^b].\n\n[^b]: See[^a].\n`, 'builds'],
  'a CDATA section in raw HTML': [`${title}foo <![CDATA[>&<]]>\n`, 'builds'],
  'empty headings': [`${title}Text.\n\n## \n#\n### ###\n`, 'builds'],
  'an unclosed inline note': [`${title}Text ^[never closed.\n`, /:5:6: error: Inline note `\^\[` is never closed.*\(note-unclosed\)/],
};

describe('broken and hostile manuscripts', () => {
  const folder = tempDir('avim-press-broken-');
  for (const [name, [content, expected]] of Object.entries(CASES)) {
    it(name, async () => {
      const file = path.join(folder, `${name.replace(/\W+/g, '-')}.md`);
      writeFileSync(file, content);
      const out = path.join(folder, 'dist', name.replace(/\W+/g, '-'));
      const run = runCli(['build', file, '--out', out]);
      expect(run.stderr, 'a stack trace').not.toMatch(/\n\s+at /);
      if (expected === 'builds') {
        expect(run.status, run.stderr).toBe(0);
        const epub = path.join(out, `${path.basename(file, '.md').toLowerCase()}.epub`);
        expect((await epubcheckTs(epub)).errors).toBe(0);
        expect(existsSync(epub.replace(/\.epub$/, '.pdf'))).toBe(true);
      } else {
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(expected);
        expect(existsSync(out)).toBe(false);
      }
    });
  }
});
