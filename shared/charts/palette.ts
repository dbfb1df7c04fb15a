/**
 * Chart colours and text style shared by every builder, following IBCS notation: actuals solid dark, prior year
 * grey, budget outlined; one accent for highlights. Charts render in the UI, as SVG in the PDF and as PNG in Excel,
 * so the font is Roboto everywhere (the font the exporters embed).
 */
export const CHART_COLORS = {
  actual: '#1f3a5f',
  priorYear: '#a3acb9',
  budget: '#d9822b',
  accent: '#2a9d8f',
  warning: '#e9a23b',
  danger: '#c0392b',
  grid: '#e3e7ec',
  text: '#33404d',
  muted: '#6b7785',
} as const;

/** Categorical series colours (channels, stages), dark to light. */
export const SERIES_COLORS = ['#1f3a5f', '#2a9d8f', '#e9a23b', '#8e6bbf', '#5b8def', '#c0392b', '#7a8b99', '#b5c99a'] as const;

/** The common text style: Roboto, dark grey. */
export const CHART_TEXT_STYLE = { fontFamily: 'Roboto', fontSize: 12, color: CHART_COLORS.text } as const;
