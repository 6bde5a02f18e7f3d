// The programmatic API: `import { build } from 'avim-press'`.
export { build, type Artifact, type BuildEvent, type BuildOptions, type BuildResult, type Format } from './build.js';
export type { Publication, Metadata, Note, Section } from './publication/model.js';
export { validateEpub, type EpubValidation } from './validate/validate-epub.js';
export type { ValidationProblem, ValidationReport } from './validate/report.js';
