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
    semanticTokens: {
      colors: {
        // white text on the default teal.600 is 3.7:1; teal.700 makes solid buttons 5.5:1 (WCAG AA: 4.5:1)
        teal: {
          solid: { value: { _light: '{colors.teal.700}', _dark: '{colors.teal.700}' } },
        },
        green: {
          solid: { value: { _light: '{colors.green.700}', _dark: '{colors.green.700}' } },
        },
        // the default green.600 text on white is 3.3:1
        fg: {
          success: { value: { _light: '{colors.green.700}', _dark: '{colors.green.400}' } },
          // the default red.500 on white is 4.0:1
          error: { value: { _light: '{colors.red.700}', _dark: '{colors.red.300}' } },
        },
      },
    },
    tokens: {
      fonts: {
        heading: { value: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
        body: { value: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' },
      },
    },
  },
});

/**
 * The app's Chakra system: the default theme with a teal accent (dark enough for white text), and a visible focus ring
 * everywhere.
 */
export const system = createSystem(defaultConfig, config);
