// poppler-utils (pdfinfo, pdffonts, pdftotext) and qpdf, as a reader's tools see the PDF.
import { execFileSync } from 'node:child_process';

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** pdfinfo's "Key: value" lines. */
export function pdfinfo(file: string): Record<string, string> {
  const info: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-enc', 'UTF-8', file]).split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) info[match[1]!] = match[2]!;
  }
  return info;
}

/** The XMP packet, as `pdfinfo -meta` prints it. */
export function pdfMeta(file: string): string {
  return run('pdfinfo', ['-meta', file]);
}

export interface PdffontsRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdffonts(file: string): PdffontsRow[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const match = /^(\S+)\s+(.*?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line);
    if (!match) throw new Error(`pdffonts printed a line this helper cannot read: ${line}`);
    return { name: match[1]!, type: match[2]!, embedded: match[4] === 'yes', subset: match[5] === 'yes' };
  });
}

/** The text of each page (pdftotext, reading order or -layout), pages numbered from 1 at index 0. */
export function pdftotext(file: string, layout = false): string[] {
  const text = run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-']);
  return text.split('\f').slice(0, -1);
}

export function qpdfCheck(file: string): { ok: boolean; output: string } {
  try {
    return { ok: true, output: run('qpdf', ['--check', file]) };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

/** Text with every space, line break and hyphen (hard, soft, Unicode) taken out: for comparing
 * words across the line breaks and hyphenation of a laid-out page. pdf.js reads the brand font's
 * apostrophe glyph as U+02BC where pdftotext reads U+2019 (the font maps both to one glyph). */
export function squash(text: string): string {
  return text.replace(/[\s\u00AD\u2010\u2011-]+/g, '').replace(/\u02BC/g, '\u2019');
}
