import {
  createTheme,
  defaultVariantColorsResolver,
  MantineProvider,
  parseThemeColor,
  type CSSVariablesResolver,
  type VariantColorsResolver,
} from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { refresh } from './auth/session';
import { useSession } from './auth/useSession';
import { createGraphqlClient } from './graphql/client';
import { routes } from './routes';

/** Light buttons and badges: the darkest shade on the palest one, 4.5:1 contrast or more. */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light') return colors;
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const text = `var(--mantine-color-${parsed.color}-9)`;
  return {
    ...colors,
    background: `var(--mantine-color-${parsed.color}-0)`,
    hover: `var(--mantine-color-${parsed.color}-1)`,
    color: text,
    hoverColor: text,
  };
};

const theme = createTheme({
  variantColorResolver,
  primaryColor: 'teal',
  // the darkest shade keeps white text on the primary colour (and links) above 4.5:1 contrast
  primaryShade: 9,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
});

/** Secondary ("dimmed") text and error messages darker than Mantine's defaults, for 4.5:1 contrast on white. */
const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-error': t.colors.red[9] },
  dark: {},
});

const router = createBrowserRouter(routes);

export function App() {
  const session = useSession();
  useEffect(() => {
    void refresh();
  }, []);
  // a new client (and cache, and socket) whenever the signed-in user changes
  const client = useMemo(() => createGraphqlClient(), [session.user?.id]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <UrqlProvider value={client}>
        <RouterProvider router={router} />
      </UrqlProvider>
    </MantineProvider>
  );
}
