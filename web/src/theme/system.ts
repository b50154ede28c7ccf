import { createSystem, defaultConfig, defineConfig } from '@chakra-ui/react';

const config = defineConfig({
  globalCss: {
    // a focus ring wherever the keyboard is, also on elements without a Chakra recipe
    ':focus-visible': {
      outline: '3px solid',
      outlineColor: 'colorPalette.focusRing',
      outlineOffset: '2px',
    },
    html: { colorPalette: 'teal' },
    body: { minHeight: '100dvh' },
  },
  theme: {
    tokens: {
      fonts: {
        heading: { value: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
        body: { value: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
      },
    },
  },
});

/** The app's Chakra system: the default theme with a teal accent and a visible focus ring everywhere. */
export const system = createSystem(defaultConfig, config);
