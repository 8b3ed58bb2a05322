import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Secrets and keys of the desks the tests open go to a temp key folder, never the user's.
    env: { ASSURANCE_DESK_KEY_DIR: process.env.ASSURANCE_DESK_KEY_DIR ?? join(tmpdir(), 'assurance-desk-test-keys') },
    // Tests run on real stores (fsync), real PDFs and jsdom typing: on a loaded 2-core machine many take
    // longer than vitest's 5 s default without being wrong, so they get 30 s (e2e: 60 s, below).
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['renderer/**/*.test.tsx'],
          environment: 'jsdom',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
