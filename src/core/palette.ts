/** Colours shared by the map style and the legend. */
export const COLORS = {
  sea: '#c9dfeb',
  land: '#ece8df',
  vietnam: '#f8f5ec',
  countryLine: '#7b7b7b',
  admin1Line: '#b3ab9e',
  regionFill: '#2a9d8f',
  contextFill: '#9a9a9a',
  provinceLine: '#1d6f66',
  selected: '#c81e2d',
  label: '#263238',
  seaLabel: '#3f6e8c',
} as const;
