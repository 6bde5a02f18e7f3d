// The preview keeps the last render's project while none of its files changed (loading it again took
// 4–16 ms warm): which saves call for a new load. The preview's own tests
// (tests/integration/preview.test.ts) save styles, images and the manuscript through the real server.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { changesProject, projectShape } from '../../src/preview/render.js';
import { tempProject } from '../helpers/projects.js';

describe("the preview's project, kept from one render to the next", () => {
  it('is loaded again when its configuration, brand file, a template, a locale or a style is saved', () => {
    const root = tempProject({ copy: ['templates', 'styles'] });
    const project = loadProject(root);
    for (const changed of [
      path.join(root, 'avim-press.config.yaml'),
      project.brandPath,
      path.join(root, 'templates', 'pdf', 'document.ejs'),
      path.join(root, 'templates', 'locales', 'tr.yaml'),
      path.join(root, 'styles', 'print.css'),
    ])
      expect(changesProject(changed, project), changed).toBe(true);
  });

  it('is kept when the manuscript or one of its images is saved', () => {
    const root = tempProject();
    const project = loadProject(root);
    for (const changed of [path.join(root, 'manuscript', 'analysis.md'), path.join(root, 'manuscript', 'figure.png'), path.join(root, 'templates-old', 'x.ejs')])
      expect(changesProject(changed, project), changed).toBe(false);
  });

  it('is loaded again once the project has templates or styles of its own, which no watcher saw coming', () => {
    const root = tempProject();
    const before = projectShape(root);
    mkdirSync(path.join(root, 'styles'));
    writeFileSync(path.join(root, 'styles', 'print.css'), '');
    expect(projectShape(root)).not.toBe(before);
  });
});
