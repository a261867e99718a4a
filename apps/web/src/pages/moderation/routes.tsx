import { Navigate, type RouteObject } from 'react-router';
import { page } from '../../lazy-page';

/** The moderation workspace's pages (lazy, one chunk each), mounted under the layout by src/routes.tsx. */
export const moderationRoutes: RouteObject[] = [
  { path: 'moderation', element: <Navigate to="/moderation/verification" replace /> },
  // notifications about verification requests link here (libs/notifications)
  { path: 'moderation/verification', lazy: page(() => import('./VerificationQueue')) },
];
