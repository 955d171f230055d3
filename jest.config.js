/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }] },
  setupFiles: ['<rootDir>/test/setup-env.js'],
  setupFilesAfterEnv: ['<rootDir>/test/restore-http.js'],
  globalSetup: '<rootDir>/test/temp-dir-setup.js',
  globalTeardown: '<rootDir>/test/temp-dir-teardown.js',
  testTimeout: 20000,
  // A worker per core: jest's default of one fewer than the cores left one of two idle, and the suite
  // (test files that each wait on a thread, a database or a child process) ran one file at a time.
  maxWorkers: '100%',
};
