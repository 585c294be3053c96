/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }] },
  testMatch: ['**/*.test.ts'],
  // CLI tests spawn the built binary; a slow machine should not fail them.
  testTimeout: 60000,
};
