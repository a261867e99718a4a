import { MantineProvider } from '@mantine/core';
import { useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { Provider as UrqlProvider } from 'urql';
import { refresh } from './auth/session';
import { useSession } from './auth/useSession';
import { clientFor } from './graphql/session-client';
import { routes } from './routes';
import { cssVariablesResolver, theme } from './theme';

// the session's refresh starts with the page, beside the route's chunk and queries, not after the first render
void refresh();

const router = createBrowserRouter(routes);

export function App() {
  const session = useSession();
  // a new client (and cache, and socket) whenever the signed-in user changes
  const client = useMemo(() => clientFor(session.user?.id), [session.user?.id]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <UrqlProvider value={client}>
        <RouterProvider router={router} />
      </UrqlProvider>
    </MantineProvider>
  );
}
