import { createTheme } from '@mantine/core';

/** One theme for light and dark; amounts use tabular figures everywhere. */
export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'sm',
  fontFamily: 'Inter, Roboto, "Segoe UI", system-ui, sans-serif',
  headings: { fontWeight: '600' },
});
