// The end-to-end suite (npm run test:e2e): the built bot and the Agents Playground driven in Chromium.
// Kept apart from the unit tests (package.json's jest settings ignore /test/e2e/).
const path = require('node:path');

/** @type {import('jest').Config} */
module.exports = {
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { diagnostics: false, tsconfig: { allowJs: true, isolatedModules: true, esModuleInterop: true, resolveJsonModule: true, module: 'commonjs', target: 'ES2022' } }],
  },
  maxWorkers: 1,
  testTimeout: 60000,
};
