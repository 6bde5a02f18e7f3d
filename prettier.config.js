// Prettier's settings: the code's own style (single quotes, semicolons, trailing commas, long lines);
// YAML keeps its double quotes. .prettierignore lists what it never touches.
/** @type {import('prettier').Config} */
export default {
  singleQuote: true,
  semi: true,
  trailingComma: 'all',
  printWidth: 200,
  overrides: [{ files: '*.{yaml,yml}', options: { singleQuote: false } }],
};
