// dist/manifest.json: for every artifact its path, format, sha256, bytes, pages, the source and its
// hash, the inputs it was built from (for incremental builds), validation results and the tool's
// version, and a PDF's problems tied to its pages (for the review sheet). Anyone can check a release against it; shard manifests merge into one.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const inputSchema = z.strictObject({ path: z.string(), sha256: z.string() });

/** A warning the build tied to a page of a PDF (the review sheet marks the page); file relative to the project. */
const pageProblemSchema = z.strictObject({
  page: z.number().int(),
  file: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  severity: z.enum(['error', 'warning', 'info']),
  ruleId: z.string(),
  reason: z.string(),
});

const artifactSchema = z.strictObject({
  path: z.string(),
  format: z.enum(['pdf', 'epub']),
  sha256: z.string(),
  bytes: z.number().int(),
  pages: z.number().int().optional(),
  source: z.string(),
  sourceSha256: z.string(),
  /** Every file the artifact was built from, with its hash when it was built. */
  inputs: z.array(inputSchema),
  /** A digest of the options that change the output (formats, notes, strictness ...). */
  optionsKey: z.string(),
  validation: z.array(z.strictObject({ validator: z.string(), errors: z.number().int(), warnings: z.number().int() })).optional(),
  /** A PDF's problems found on its pages, each with its page (recorded even when there are none). */
  pageProblems: z.array(pageProblemSchema).optional(),
});

export const manifestSchema = z.strictObject({
  tool: z.strictObject({ name: z.literal('avim-press'), version: z.string() }),
  browser: z.string().optional(),
  sourceDateEpoch: z.number().int().optional(),
  /** Digest of what every document is built from (brand, config, templates, styles, fonts, tool). */
  sharedKey: z.string(),
  artifacts: z.array(artifactSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestArtifact = z.infer<typeof artifactSchema>;
export type ManifestInput = z.infer<typeof inputSchema>;
export type PageProblem = z.infer<typeof pageProblemSchema>;

/** The manifest in a folder, or undefined when there is none or it is not ours (it is then rebuilt). */
export function readManifest(file: string): Manifest | undefined {
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Artifacts sorted by path, so the same build writes the same manifest. */
export function serializeManifest(manifest: Manifest): string {
  const artifacts = [...manifest.artifacts].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return `${JSON.stringify({ ...manifest, artifacts }, null, 2)}\n`;
}

/** Shards' manifests into one: artifacts by path (a later manifest wins), one tool version required. */
export function mergeManifests(manifests: Manifest[]): Manifest {
  const [first] = manifests;
  if (!first) throw new Error('No manifest to merge');
  const versions = new Set(manifests.map((manifest) => manifest.tool.version));
  if (versions.size > 1) throw new Error(`The manifests come from different avim-press versions: ${[...versions].join(', ')}`);
  const browsers = new Set(manifests.map((manifest) => manifest.browser).filter(Boolean));
  if (browsers.size > 1) throw new Error(`The manifests come from different browsers: ${[...browsers].join(', ')}`);
  const byPath = new Map<string, ManifestArtifact>();
  for (const manifest of manifests) for (const artifact of manifest.artifacts) byPath.set(artifact.path, artifact);
  return { ...first, ...(browsers.size ? { browser: [...browsers][0]! } : {}), artifacts: [...byPath.values()] };
}
