import {
  createTheme,
  darken,
  defaultVariantColorsResolver,
  luminance,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';

/** WCAG 2 contrast ratio of two colours. */
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The colour, darkened a tenth at a time until it reads at 4.5:1 or more on the background. */
export function readableOn(color: string, background: string): string {
  for (let tenths = 0; tenths < 10; tenths++) {
    const candidate = tenths ? darken(color, tenths / 10) : color;
    if (contrast(candidate, background) >= 4.5) return candidate;
  }
  return '#000000';
}

/**
 * Light buttons, badges and alerts: the darkest shade on the palest one, 4.5:1 contrast or more (green,
 * lime, orange and yellow need it darker still: their shade 9 is under 4.5:1 on their shade 0). Filled ones
 * (Save, Submit…) darken on hover: Mantine's default hover of the darkest shade is the lighter shade 8,
 * under 4.5:1 with white text.
 */
export const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'filled') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  if (input.variant === 'filled') {
    const shade = parsed.shade ?? (typeof input.theme.primaryShade === 'number' ? input.theme.primaryShade : 9);
    return { ...colors, hover: darken(input.theme.colors[parsed.color][shade], 0.2) };
  }
  const shades = input.theme.colors[parsed.color];
  return {
    ...colors,
    background: `var(--mantine-color-${parsed.color}-0)`,
    hover: `var(--mantine-color-${parsed.color}-1)`,
    color:
      contrast(shades[9], shades[0]) >= 4.5
        ? `var(--mantine-color-${parsed.color}-9)`
        : readableOn(shades[9], shades[0]),
    // shade 9 on shade 1 is just under 4.5:1 for some colours (teal): darker text on hover
    hoverColor: readableOn(darken(shades[9], 0.2), shades[1]),
  };
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'teal',
  // the darkest shade keeps white text on the primary colour (and links) above 4.5:1 contrast
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  // menus, modals and popovers appear without animation for people who ask their system for less motion
  respectReducedMotion: true,
});

/**
 * Secondary ("dimmed") text and error messages darker than Mantine's defaults, for 4.5:1 contrast on
 * white; the primary colour's hover darker than it, as in the resolver.
 */
export const cssVariablesResolver: CSSVariablesResolver = (t) => {
  // components that read the primary colour's hover from CSS (not through the resolver above)
  const hover = darken(t.colors[t.primaryColor][9], 0.2);
  return {
    variables: {},
    light: {
      '--mantine-color-dimmed': t.colors.gray[7],
      '--mantine-color-error': t.colors.red[9],
      '--mantine-primary-color-filled-hover': hover,
      [`--mantine-color-${t.primaryColor}-filled-hover`]: hover,
    },
    dark: {},
  };
};
