// ESLint: TypeScript rules everywhere, plus the layering of STYLE.md made mechanical (the core imports nothing outward).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const outward = ['**/google/**', '**/transport/**', '**/render/**', '**/addon/**', '**/cli/**', '**/workbook/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'build/**', 'out/**', 'coverage/**', '*.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'writable', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: outward, message: 'src/core is the pure centre: it imports nothing outside src/core.' },
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'url', 'util', 'crypto', 'stream', 'buffer', 'googleapis', '@googleapis/*', 'google-auth-library', 'exceljs', 'csv-parse'], message: 'src/core runs in Apps Script too: no Node modules or I/O libraries.' },
          { group: ['date-holidays'], message: 'The core takes a HolidaySource: the library in src/holidays (CLI), a build-time table in the add-on.' },
        ],
      }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'Pass a clock in; the core never reads the time.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass a clock in; the core never reads the time.' }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', 'setTimeout', 'setInterval', 'fetch'],
    },
  },
  {
    files: ['src/google/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/transport/**', '**/render/**', '**/addon/**', '**/cli/**', '**/workbook/**'], message: 'src/google builds request bodies from the core only.' }] }],
    },
  },
);
