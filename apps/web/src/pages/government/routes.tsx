import type { RouteObject } from 'react-router';

/** The government workspace's pages (lazy, one chunk each), mounted under the layout by src/routes.tsx. */
export const governmentRoutes: RouteObject[] = [];
