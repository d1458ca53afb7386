// Vite multi-page build of the Gongzhi dashboard.
// Run from the repository root: `npm run build:dashboard` (vite build --config src/Dashboard/vite.config.ts).
import { defineConfig, type Plugin } from 'vite';

/** This folder, as a file-system path (works whatever the current directory is). */
const here = decodeURIComponent(new URL('.', import.meta.url).pathname).replace(/^\/([A-Za-z]:)/, '$1');

/** The gateway's routes: `/submit` → submit.html, `/track/{token}` → track.html, … */
const PAGES = ['index', 'submit', 'track', 'cadre', 'board', 'signin', 'admin', 'video', 'meetings', 'official'] as const;

/** Mirror the gateway's page routes on the dev server. */
function gatewayRoutes(): Plugin {
  return {
    name: 'gongzhi-gateway-routes',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '/';
        const [path = '/', query = ''] = url.split('?', 2);
        const suffix = query ? `?${query}` : '';
        if (/^\/track\/[^/]+\/?$/.test(path)) req.url = `/track.html${suffix}`;
        else if (/^\/video\/[^/]+\/?$/.test(path)) req.url = `/video.html${suffix}`;
        else if (/^\/meetings\/[^/]+\/?$/.test(path)) req.url = `/meetings.html${suffix}`;
        else if (/^\/(submit|cadre|board|signin|admin|meetings|official)\/?$/.test(path)) req.url = `${path.replace(/\/$/, '')}.html${suffix}`;
        next();
      });
    },
  };
}

/** What every page's <head> starts with, written once. */
function sharedHead(): Plugin {
  const tag = (tag: string, attrs: Record<string, string>) => ({ tag, attrs, injectTo: 'head-prepend' as const });
  return {
    name: 'gongzhi-shared-head',
    // Before Vite's own HTML step, so the stylesheet is bundled like one written in the page.
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        tag('meta', { charset: 'utf-8' }),
        tag('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        tag('meta', { name: 'theme-color', content: '#b3261e' }),
        tag('link', { rel: 'icon', href: '/favicon.ico', sizes: '32x32' }),
        tag('link', { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }),
        tag('link', { rel: 'stylesheet', href: '/styles/app.css' }),
      ],
    },
  };
}

const apiTarget = 'http://127.0.0.1:5080';

export default defineConfig({
  root: here,
  base: '/',
  appType: 'mpa',
  plugins: [sharedHead(), gatewayRoutes()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    // No source maps: dist/ is what the gateway serves to the public (it refuses *.map too). The dev server maps sources itself.
    sourcemap: false,
    rollupOptions: {
      input: Object.fromEntries(PAGES.map((page) => [page, `${here}${page}.html`])),
      onwarn(warning, warn) {
        // @microsoft/signalr ships /*#__PURE__*/ comments Rollup cannot place; harmless.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('@microsoft/signalr')) return;
        warn(warning);
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/hubs': { target: apiTarget, ws: true, changeOrigin: false },
      '/healthz': { target: apiTarget },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
});
