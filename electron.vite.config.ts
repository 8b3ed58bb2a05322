import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // Bundled: the rules engine imports its holiday data as JSON, which Node's ESM loader refuses bare.
      externalizeDeps: { exclude: ['chinese-days'] },
      rolldownOptions: {
        input: { index: 'main/electron/index.ts', cli: 'main/cli/index.ts', web: 'main/web/index.ts' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: { input: { index: 'main/electron/preload.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: { outDir: 'out/renderer', rolldownOptions: { input: 'renderer/index.html' } },
  },
});
