// Hostile manuscripts against both artifacts: nothing outside the project, and nothing from the
// network, reaches the PDF or the EPUB. The secret's content is searched for in every byte of both.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { epubcheckTs } from '../helpers/epub.js';
import { readPdf } from '../helpers/pdf.js';
import { PNG, tempProject } from '../helpers/projects.js';

const MARKER = 'HOSTILE-SECRET-91C4';
// A 1×1 PNG with the marker in a text chunk after the image data (a PNG reader ignores it).
const SECRET_PNG = Buffer.concat([PNG.subarray(0, PNG.length - 12), Buffer.from(MARKER), PNG.subarray(PNG.length - 12)]);

describe('hostile raw HTML, against the PDF and the EPUB', () => {
  const base = tempDir('avim-press-hostile-');
  const project = path.join(base, 'project');
  const outside = path.join(base, 'outside');
  let run: ReturnType<typeof runCli>;

  beforeAll(() => {
    tempProject({ root: project });
    mkdirSync(outside);
    writeFileSync(path.join(outside, 'secret.png'), SECRET_PNG);
    writeFileSync(path.join(outside, 'secret.txt'), `${MARKER}\n`);
    symlinkSync(path.join(outside, 'secret.png'), path.join(project, 'manuscript', 'innocent.png'));
    const secret = (name: string) => path.join(outside, name);
    writeFileSync(
      path.join(project, 'manuscript', 'hostile.md'),
      [
        '---',
        'title: Hostile',
        '---',
        '',
        'Before.',
        '',
        `<img src="../../outside/secret.png" alt="dot-dot">`,
        `<img src="${secret('secret.png')}" alt="absolute">`,
        `<img src="innocent.png" alt="symlink out">`,
        `<img src="file://${secret('secret.png')}" alt="file URL">`,
        `<img src="https://example.org/x.png" srcset="file://${secret('secret.png')} 2x" alt="srcset">`,
        `<video poster="file://${secret('secret.png')}"></video>`,
        `<object data="file://${secret('secret.txt')}"></object>`,
        `<iframe src="file://${secret('secret.txt')}"></iframe>`,
        `<a href="file://${secret('secret.txt')}">file link</a>`,
        `<p style="background: url('file://${secret('secret.png')}')">Styled.</p>`,
        `<svg><script>alert(1)</script><image href="file://${secret('secret.png')}"/></svg>`,
        `<meta http-equiv="refresh" content="0; url=file://${secret('secret.txt')}">`,
        `<p onclick="alert(1)"><a href="javascript:alert(1)">script link</a></p>`,
        '',
        'After.',
        '',
      ].join('\n'),
    );
    run = runCli(['build', '--validate'], { cwd: project });
  });

  it('builds both artifacts, with a warning at the line of each thing left out', () => {
    expect(run.status, run.stderr).toBe(0);
    const warnings = run.stderr.split('\n').filter((line) => line && !line.includes(': info: '));
    expect(warnings.length).toBeGreaterThanOrEqual(12);
    for (const line of warnings) expect(line).toMatch(/^manuscript\/hostile\.md:\d+:\d+: warning: .* \((image-outside|image-remote|unsafe-html|link-dead)\)$/);
  });

  it('puts nothing of the secrets into the PDF', async () => {
    const file = path.join(project, 'dist', 'hostile.pdf');
    expect(readFileSync(file).includes(MARKER)).toBe(false);
    const text = (await readPdf(file)).pages.join('\n');
    expect(text).toContain('Before.');
    expect(text).toContain('After.');
    expect(text).not.toContain(MARKER);
  });

  it('puts nothing of the secrets, and no script, into the EPUB, which still validates', async () => {
    const file = path.join(project, 'dist', 'hostile.epub');
    const zip = await JSZip.loadAsync(readFileSync(file));
    for (const name of Object.keys(zip.files).filter((entry) => !zip.files[entry]!.dir)) {
      const bytes = Buffer.from(await zip.file(name)!.async('uint8array'));
      expect(bytes.includes(MARKER), name).toBe(false);
      if (name.endsWith('.xhtml')) {
        const xhtml = bytes.toString('utf8');
        for (const banned of ['<script', 'onclick', 'javascript:', 'file://', '<iframe', '<object', '<meta http-equiv', 'secret']) expect(xhtml, `${name}: ${banned}`).not.toContain(banned);
      }
    }
    expect((await epubcheckTs(file)).errors).toBe(0);
  });
});

describe('a Markdown image outside the project', () => {
  it('is a located error, and nothing is written', () => {
    const base = tempDir('avim-press-hostile-md-');
    mkdirSync(path.join(base, 'project', 'manuscript'), { recursive: true });
    writeFileSync(path.join(base, 'secret.png'), SECRET_PNG);
    writeFileSync(path.join(base, 'project', 'manuscript', 'a.md'), '---\ntitle: A\n---\n\n![x](../../secret.png)\n');
    const run = runCli(['build'], { cwd: path.join(base, 'project') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('manuscript/a.md:5:1: error: Image "../../secret.png" is outside the project (image-outside)');
  });
});
