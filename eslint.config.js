// ESLint: typescript-eslint's type-aware recommended rules on the code, the tests and the benchmarks,
// with the promise rules that catch real bugs in this async code as errors.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['lib/', 'bench-out/', 'dist/', 'coverage/', '.avim-press-cache/', 'tests/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // src/ and tests/ from tsconfig.json, bench/ from bench/tsconfig.json, the config files at the root alone.
        projectService: { allowDefaultProject: ['*.js', '*.cjs', '*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
    },
  },
  {
    // The code that runs in the print page is a program of its own (DOM types, no Node).
    files: ['src/render/pdf/in-page/**/*.ts', 'src/render/epub/in-page/**/*.ts', 'src/render/pdf/engine/pagedjs/in-page/**/*.ts', 'src/review/in-page/**/*.ts', 'tests/in-page/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: ['./tsconfig.in-page.json'], tsconfigRootDir: import.meta.dirname } },
  },
  {
    // The live preview page's own small script (served as it is, no build step): plain browser JavaScript.
    files: ['templates/preview/**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { sourceType: 'script', globals: { document: 'readonly', EventSource: 'readonly', fetch: 'readonly', DOMParser: 'readonly', Node: 'readonly' } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
);
