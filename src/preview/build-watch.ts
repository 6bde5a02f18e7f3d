// `avim-press build --watch`: after a build, the same watcher as the preview (watch.ts) on what the
// build read (the manuscripts or their folders, every input the manifest records, the brand,
// configuration, templates and styles); each change runs the build again, which skips every document
// whose inputs are unchanged. Until the signal.
import path from 'node:path';
import { readManifest } from '../batch/manifest.js';
import { CONFIG_FILE, type Project } from '../load/project.js';
import { ChangeWatcher, oneAtATime } from './watch.js';

export interface WatchedBuild {
  /** One build; resolves with the manifest it wrote (relative to cwd). */
  run(): Promise<{ manifest: string } | undefined>;
  cwd: string;
  /** The manuscripts and folders the build was given. */
  inputs: string[];
  project: () => Project | undefined;
  signal: AbortSignal;
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

export async function watchBuild(options: WatchedBuild): Promise<void> {
  const { cwd } = options;
  const watchedAfter = (manifest: string | undefined): string[] => {
    const project = options.project();
    const files = new Set([...options.inputs, path.join(cwd, CONFIG_FILE)]);
    if (project) for (const file of [project.brandPath, project.templatesDir, project.stylesDir]) files.add(file);
    const recorded = manifest ? readManifest(path.resolve(cwd, manifest)) : undefined;
    const root = project?.root ?? cwd;
    for (const artifact of recorded?.artifacts ?? []) for (const input of artifact.inputs) files.add(path.resolve(root, input.path));
    return [...files];
  };
  let last = await options.run();
  // Set once watching; a change seen before that finds it unset.
  const watching: { watcher?: ChangeWatcher } = {};
  const rebuilds = oneAtATime(
    async () => {
      if (options.signal.aborted) return;
      last = (await options.run()) ?? last;
      watching.watcher?.watch(watchedAfter(last?.manifest));
    },
    (error) => void options.err.write(`avim-press: ${error.message}\n`),
  );
  const watcher = (watching.watcher = await ChangeWatcher.start(watchedAfter(last?.manifest), rebuilds.trigger));
  options.out.write('watching for changes (Ctrl-C stops)\n');
  try {
    if (!options.signal.aborted) await new Promise((resolve) => options.signal.addEventListener('abort', resolve, { once: true }));
    await rebuilds.idle();
  } finally {
    await watcher.close();
  }
}
