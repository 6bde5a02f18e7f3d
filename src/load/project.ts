// Load what every manuscript of a project shares: the configuration, the brand and the locale labels.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { z } from 'zod';
import { failOnErrors, problem } from '../problems/problem.js';
import { brandSchema, type Brand } from './brand-schema.js';
import { configSchema, type Config } from './config-schema.js';
import { LANGUAGES, type LanguageCode } from './frontmatter-schema.js';
import { localeSchema, type Labels } from './locale-schema.js';
import { Templates } from './templates.js';
import { PACKAGE_ROOT } from './tool-version.js';
import { loadTypefaces, TypefaceError } from './typefaces.js';
import { parseYamlData, valuePlaces } from './yaml-data.js';

export type { Labels };

export const CONFIG_FILE = 'avim-press.config.yaml';

/** Where avim-press itself is installed: its templates, styles and node_modules. */
export { PACKAGE_ROOT };

export interface Project {
  /** The folder that holds avim-press.config.yaml (or the working folder without one). */
  root: string;
  config: Config;
  brand: Brand;
  brandPath: string;
  labels: Record<LanguageCode, Labels>;
  templatesDir: string;
  templates: Templates;
  stylesDir: string;
}

function loadYamlFile<Schema extends z.ZodType>(filePath: string, schema: Schema, ruleId: 'config' | 'brand' | 'locale'): z.output<Schema> {
  const file = new VFile({ path: filePath, value: readFileSync(filePath, 'utf8') });
  const data = parseYamlData(String(file.value), schema, file, { line: 1, ruleId, source: 'avim-press' });
  failOnErrors(file);
  return data as z.output<Schema>;
}

/** The brand's font files, read now: a package or file that is not there is an error at its key. */
function checkTypefaces(brand: Brand, brandPath: string): void {
  try {
    loadTypefaces(brand);
  } catch (error) {
    if (!(error instanceof TypefaceError)) throw error;
    const file = new VFile({ path: brandPath, value: readFileSync(brandPath, 'utf8') });
    const place = valuePlaces(String(file.value), 1).get(error.key);
    problem(file, error.message, { ruleId: 'brand-invalid', place: place ? { line: place.line, column: place.column } : undefined });
    failOnErrors(file);
  }
}

export function loadProject(root = process.cwd()): Project {
  const configPath = path.join(root, CONFIG_FILE);
  const config = existsSync(configPath) ? loadYamlFile(configPath, configSchema, 'config') : configSchema.parse({});
  let brandPath = path.resolve(root, config.brand);
  if (!existsSync(brandPath)) {
    // A folder with no configuration of its own builds with avim-press's own brand, as it does with
    // its templates and styles; a configuration that names a missing brand file is an error.
    if (existsSync(configPath)) throw new Error(`${CONFIG_FILE}: brand file not found: ${brandPath}`);
    brandPath = path.join(PACKAGE_ROOT, 'brand', 'avim.yaml');
  }
  const brand = loadYamlFile(brandPath, brandSchema, 'brand');
  checkTypefaces(brand, brandPath);
  // A project may bring its own templates and styles; otherwise avim-press's are used.
  const templatesDir = existsSync(path.join(root, 'templates')) ? path.join(root, 'templates') : path.join(PACKAGE_ROOT, 'templates');
  const stylesDir = existsSync(path.join(root, 'styles')) ? path.join(root, 'styles') : path.join(PACKAGE_ROOT, 'styles');
  const labels = Object.fromEntries(LANGUAGES.map((lang) => [lang, loadYamlFile(path.join(templatesDir, 'locales', `${lang}.yaml`), localeSchema, 'locale')])) as Record<LanguageCode, Labels>;
  return { root, config, brand, brandPath, labels, templatesDir, templates: new Templates(templatesDir), stylesDir };
}
