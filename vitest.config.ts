import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Unit and integration tests live beside the code (`*.test.ts`); Playwright specs (`*.spec.ts`) are not run here.
export default defineConfig({
  plugins: [react()],
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // electron-store imports 'electron'; inlining it lets a test's vi.mock('electron') reach it.
    server: { deps: { inline: ['electron-store'] } },
  },
});
