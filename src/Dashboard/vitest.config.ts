// Unit tests of the dashboard's client logic (Vitest, jsdom). Run from the repository root: `npm run test:dashboard`.
import { defineConfig } from 'vitest/config';

const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');

export default defineConfig({
  root: here,
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'jsdom',
  },
});
