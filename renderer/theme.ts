import { Alert, createTheme } from '@mantine/core';

/** One theme for light and dark; amounts use tabular figures everywhere. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Shade 7 keeps white button labels above 4.5:1 contrast (axe colour-contrast).
  primaryShade: { light: 7, dark: 8 },
  defaultRadius: 'sm',
  fontFamily: 'Inter, Roboto, "Segoe UI", system-ui, sans-serif',
  headings: { fontWeight: '600' },
  components: {
    // Light alerts colour their title with the alert's shade 6, below 4.5:1 on the tinted background for teal,
    // yellow and orange (axe colour-contrast): titles use the text colour, the icon and border keep the tone.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
  },
});
