import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';
import { getAccessToken, refresh } from '../auth/session';
import i18n from '../i18n';

/**
 * One urql client per session (the portal makes a new one when the user changes, so no cached
 * answer crosses users). Queries go over fetch with the in-memory access token; subscriptions over
 * graphql-ws with the token in the connection parameters, as the API expects.
 */
export function createGraphqlClient(): Client {
  const wsUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const ws = createWsClient({
    url: wsUrl,
    lazy: true,
    retryAttempts: 5,
    // the language of the API's sentences travels with the connection, as accept-language does on fetch
    connectionParams: async () => {
      const token = getAccessToken() ?? (await refresh());
      const language = { 'accept-language': i18n.language };
      return token ? { authorization: `Bearer ${token}`, ...language } : language;
    },
  });
  return new Client({
    url: '/graphql',
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    fetchOptions: () => {
      const token = getAccessToken();
      const headers: Record<string, string> = { 'accept-language': i18n.language };
      if (token) headers.authorization = `Bearer ${token}`;
      return { headers, credentials: 'omit' };
    },
    exchanges: [
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
