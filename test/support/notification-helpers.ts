import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export const NOTIFICATION_FIELDS = 'id kind title body link createdAt readAt';
export const MY_NOTIFICATIONS = `query($u: Boolean, $f: Int) { myNotifications(unreadOnly: $u, first: $f) { ${NOTIFICATION_FIELDS} } }`;
export const MARK_READ = `mutation($id: ID!) { markNotificationRead(id: $id) { ${NOTIFICATION_FIELDS} } }`;

export interface NotificationView {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** Polls `probe` until it returns a truthy value (or fails after `timeoutMs`). */
export async function waitFor<T>(
  probe: () => Promise<T>,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface NotificationSubscription {
  client: Client;
  /** The next notification pushed to this socket (fails after `timeoutMs`). */
  next(timeoutMs?: number): Promise<NotificationView>;
  close(): Promise<void>;
}

/**
 * A graphql-ws client subscribed to notificationAdded, authenticated by its connection parameters
 * (which carry `accept-language` when `language` is given, as the portal sends it).
 */
export function subscribeNotifications(httpUrl: string, token?: string, language?: string): NotificationSubscription {
  const client = createClient({
    url: `${httpUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(language ? { 'accept-language': language } : {}),
    },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
  });
  const iterator = client.iterate<{ notificationAdded: NotificationView }>({
    query: `subscription { notificationAdded { ${NOTIFICATION_FIELDS} } }`,
  });
  return {
    client,
    async next(timeoutMs = 15_000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`No notification within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const result = await Promise.race([iterator.next(), timeout]);
        if (result.done) throw new Error('The subscription ended');
        if (result.value.errors?.length) throw new Error(JSON.stringify(result.value.errors));
        return result.value.data!.notificationAdded;
      } finally {
        clearTimeout(timer);
      }
    },
    async close() {
      await iterator.return?.();
      await client.dispose();
    },
  };
}

/** Resolves with the close code when the server closes a connection (e.g. 4403 for a refused token). */
export function closeCode(httpUrl: string, connectionParams: Record<string, unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('The server did not close the connection'));
    }, 10_000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: connectionParams })));
    socket.on('message', (data) => {
      if (JSON.parse(String(data)).type === 'connection_ack') {
        clearTimeout(timer);
        socket.close();
        reject(new Error('The connection was accepted'));
      }
    });
    socket.on('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    socket.on('error', () => undefined);
  });
}
