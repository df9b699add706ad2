/** Colours shared by the map style and the legend. */
export const COLORS = {
  sea: '#c9dfeb',
  land: '#ece8df',
  vietnam: '#f8f5ec',
  countryLine: '#7b7b7b',
  admin1Line: '#b3ab9e',
  regionFill: '#2a9d8f',
  /** regionFill at 22 % over `vietnam`, drawn opaque (MapLibre's opaque pass skips what lies under it). */
  regionFillFlat: '#cbe2d8',
  /** contextFill at 8 % over `vietnam`, drawn opaque. */
  contextFillFlat: '#f1eee5',
  contextFill: '#9a9a9a',
  provinceLine: '#1d6f66',
  selected: '#c81e2d',
  label: '#263238',
  seaLabel: '#3f6e8c',
} as const;
