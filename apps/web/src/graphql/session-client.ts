import type { Client } from 'urql';
import { getSessionState } from '../auth/session';
import { createGraphqlClient } from './client';

let current: { userId: string | undefined; client: Client } | null = null;

/**
 * The urql client of the signed-in user (or of a visitor): a new client, with its own cache and
 * socket, whenever the user changes, so no cached answer crosses users. Route loaders use it to start
 * a page's query while the page's chunk loads; the App provides the same client to the components.
 */
export function clientFor(userId: string | undefined): Client {
  if (!current || current.userId !== userId) current = { userId, client: createGraphqlClient() };
  return current.client;
}

/** The client of the current session state. */
export const sessionClient = (): Client => clientFor(getSessionState().user?.id);
