import { createTheme, MantineProvider } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { refresh } from './auth/session';
import { useSession } from './auth/useSession';
import { createGraphqlClient } from './graphql/client';
import { routes } from './routes';

const theme = createTheme({
  primaryColor: 'teal',
  // darker shades keep text on the primary colour above 4.5:1 contrast
  primaryShade: 8,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
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
    <MantineProvider theme={theme}>
      <UrqlProvider value={client}>
        <RouterProvider router={router} />
      </UrqlProvider>
    </MantineProvider>
  );
}
