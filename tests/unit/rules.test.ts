// Every rule a problem can name is explained in docs/rules.md, and nothing there is stale.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/problems/rules.js';
import { ROOT } from '../helpers/cli.js';

describe('docs/rules.md', () => {
  const documented = new Set([...readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8').matchAll(/^###? ([a-z-]+)$/gm)].map((match) => match[1]));

  it('explains every rule', () => {
    expect(Object.keys(RULES).filter((rule) => !documented.has(rule))).toEqual([]);
  });

  it('explains no rule that does not exist', () => {
    const headings = ['rules', 'loading', 'the-transform', 'rendering', 'validation', 'writing', 'any-stage'];
    expect([...documented].filter((rule) => rule !== undefined && !(rule in RULES) && !headings.includes(rule))).toEqual([]);
  });
});
