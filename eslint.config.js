// Lint for giacheck: typescript-eslint's recommended rules, and the folder layering of src/ (the
// zones below: a folder never imports one on its own floor or above). Cycles between files are
// caught by dependency-cruiser (.dependency-cruiser.cjs); both run in `npm test`.
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** The floors of src/, top first: a folder imports only from floors below its own. */
const FLOORS = [
  ['cli'],
  ['validate'],
  ['triage', 'agenda', 'compare', 'generate'],
  ['engine'],
  ['report'],
  ['ingest'],
  ['profile'],
  // yaml quotes a key of a file only as src/privacy/quote.ts allows
  ['yaml'],
  ['privacy'],
  ['rules'],
  ['model'],
  ['calendar'],
  ['i18n'],
];

const zones = FLOORS.flatMap((floor, i) =>
  floor.map((dir) => ({
    target: `./src/${dir}`,
    from: FLOORS.slice(0, i + 1).flat().filter((d) => d !== dir).map((d) => `./src/${d}`),
    message: `src/${dir} sits below these folders (eslint.config.js FLOORS); move the shared piece down instead`,
  })),
).filter((zone) => zone.from.length > 0);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
