// Lint: typescript-eslint's recommended rules plus the layering of the architecture
// (README: Architecture). The layer rules are what a reviewer would otherwise have to
// remember: the core knows no door, the renderer reaches the core only through types
// and the shared folder, only the Electron door imports electron, no import cycles.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';

const noElectron = { name: 'electron', message: 'Only src-main/electron may import electron.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'dist-main/', 'dist-renderer/', 'release/', 'native/', 'test-results/', 'playwright-report/', 'migrations/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } }, 'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Parsers of foreign files and generated SQL bindings legitimately take what comes.
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            { group: ['**/src-renderer/**'], message: 'The core does not know the renderer.' },
            { group: ['**/electron/**', '**/http/**', '**/cli/**'], message: 'The core does not know its doors.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [{ group: ['**/core/**', '**/src-renderer/**', '**/electron/**', '**/http/**', '**/cli/**', 'node:*'], message: 'Shared code is plain data and pure functions used by every side.' }],
        },
      ],
    },
  },
  {
    files: ['src-main/http/**/*.ts', 'src-main/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [noElectron], patterns: [{ group: ['**/src-renderer/**', '**/electron/**'], message: 'A door talks to the core, not to another door or the renderer.' }] },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [noElectron],
          patterns: [
            {
              group: ['**/src-main/core/**', '**/src-main/electron/**'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the core and the Electron door (the procedure table, the bridge); runtime code comes from src-main/shared.',
            },
            { group: ['**/src-main/http/**', '**/src-main/cli/**', 'node:*'], message: 'The renderer runs in a browser.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-main/electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/src-renderer/**'], allowTypeImports: true, message: 'The Electron door serves the renderer, it does not import it.' }] }],
    },
  },
);
