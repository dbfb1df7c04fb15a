import { createTheme } from '@mantine/core';

/** One theme for light and dark; amounts use tabular figures everywhere. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white button labels above 4.5:1 contrast (axe colour-contrast).
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'Inter, Roboto, "Segoe UI", system-ui, sans-serif',
  headings: { fontWeight: '600' },
});
