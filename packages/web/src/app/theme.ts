import { createTheme, type MantineColorsTuple } from '@mantine/core';

/** OpenHTM's teal-blue: calm, clinical, with enough contrast for badges and primary buttons in both schemes. */
const brand: MantineColorsTuple = [
  '#e3fafc',
  '#c5f1f6',
  '#99e2ec',
  '#66cfdf',
  '#3bbcd1',
  '#1fa6bd',
  '#0f8ea5',
  '#0b7285',
  '#075d6d',
  '#034856',
];

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade: { light: 7, dark: 6 },
  colors: { brand },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'Inter, "Segoe UI", system-ui, -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    Card: { defaultProps: { withBorder: true, radius: 'md', padding: 'lg' } },
    Paper: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: { textTransform: 'none', fontWeight: 600 } } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    Tooltip: { defaultProps: { withArrow: true, openDelay: 250 } },
    Modal: { defaultProps: { centered: true, radius: 'md' } },
    // Labels beside their values keep one width, wrapping a long label instead of pushing its value out of line.
    DataList: {
      styles: (_theme: unknown, props: { orientation?: string }) =>
        props.orientation === 'vertical' ? {} : { itemLabel: { flex: '0 0 var(--data-list-label-width)', minWidth: 0 }, itemValue: { flex: 1, minWidth: 0, overflowWrap: 'anywhere' } },
    },
  },
});
