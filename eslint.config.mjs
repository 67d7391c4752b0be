import js from '@eslint/js';
import * as espree from 'espree';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-cli/**', 'node_modules/**', 'coverage/**', 'test-output/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The pure engine must not reach for Office, the DOM or Node.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'crypto', 'react', 'react-dom', 'exceljs', '*/hosts/*', '*/taskpane/*'] },
      ],
      'no-restricted-globals': ['error', 'Office', 'Excel', 'document', 'window', 'process'],
    },
  },
  {
    files: ['scripts/**/*.{js,mjs}', 'bin/**/*.js', '*.config.{js,mjs}', 'webpack.config.js', 'test/**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly', URL: 'readonly', setTimeout: 'readonly', performance: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Runs in every webview, Internet Explorer 11 too: ES5 only (the parser refuses anything later).
    files: ['src/taskpane/old-webview.js'],
    languageOptions: {
      parser: espree,
      ecmaVersion: 5,
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly' },
    },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  prettier,
);
