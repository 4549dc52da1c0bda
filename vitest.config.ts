import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          setupFiles: ['tests/helpers/remove-temp.ts'],
          include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          setupFiles: ['tests/helpers/remove-temp.ts'],
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/build-site.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser and one built site: files run one after another.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
