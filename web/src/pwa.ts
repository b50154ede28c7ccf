/**
 * The installable app's part of the entry (imported by src/index.tsx): registers the service worker
 * (public/sw.js, scope /) in production builds, once the page has loaded so that it never competes with the first
 * screen. The development server has none: it would cache what Vite serves.
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch((error: unknown) => {
      // the app works without it, only not offline; say so where a developer looks
      console.warn('Steadfast: the service worker could not be registered; the app will not open offline.', error);
    });
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

if (import.meta.env.PROD) registerServiceWorker();
