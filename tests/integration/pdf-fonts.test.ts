// The brand's fonts set every character, Turkish included; text that would fall back to a system font
// fails the build, naming the text and the characters the brand's fonts lack.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf.js';
import { pdffonts } from '../helpers/poppler.js';

const TURKISH = 'ABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ abcçdefgğhıijklmnoöprsştuüvyz';

function manuscript(name: string, text: string): string {
  const file = path.join(tempDir(), `${name}.md`);
  writeFileSync(file, text);
  return file;
}

describe('fonts', () => {
  it('sets the whole Turkish alphabet, in every style, in the brand’s fonts', async () => {
    const out = tempDir();
    const file = manuscript(
      'alfabe',
      `---\ntitle: "Türkçe: ${TURKISH}"\nlang: tr\nauthor: İlker Öztürk\n---\n\n## Başlık ${TURKISH}\n\n${TURKISH}. *${TURKISH}.* **${TURKISH}.** ***${TURKISH}.***[^n]\n\n[^n]: Dipnot ${TURKISH}.\n`,
    );
    const run = runCli(['build', file, '--out', out, '--format', 'pdf']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const pdf = await readPdf(path.join(out, 'alfabe.pdf'));
    const text = pdf.pages.join('\n');
    for (const letter of 'ÇĞIİÖŞÜçğıiöşü') expect(text, letter).toContain(letter);
    for (const font of pdffonts(path.join(out, 'alfabe.pdf'))) expect(font.name.replace(/^[A-Z]{6}\+/, '')).toMatch(/^(SourceSerif4|SourceSans3)/);
  });

  it('fails the build when any text would be set in a system font, naming it', () => {
    const out = tempDir();
    const file = manuscript('fallback', '---\ntitle: Fallback\n---\n\nThe capital is 北京, far away.[^n]\n\n[^n]: In Greek: αβγ.\n');
    const run = runCli(['build', file, '--out', out, '--format', 'pdf']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('(font-fallback)');
    // No font here has these at all: Chromium draws empty boxes and reports no fallback.
    expect(run.stderr).toMatch(/"The capital is 北京, far away\." (is set in a system font \(.+\)|cannot be set in the brand's fonts): the brand's fonts have no 北 U\+5317, 京 U\+4EAC/);
    expect(run.stderr).toMatch(/"In Greek: αβγ\." is set in a system font \(.+\): the brand's fonts have no α U\+03B1, β U\+03B2, γ U\+03B3/);
    expect(existsSync(path.join(out, 'fallback.pdf'))).toBe(false);
  });
});
