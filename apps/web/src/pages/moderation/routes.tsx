import type { RouteObject } from 'react-router';

/** The moderation workspace's pages (lazy, one chunk each), mounted under the layout by src/routes.tsx. */
export const moderationRoutes: RouteObject[] = [];
