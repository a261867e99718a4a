import type { RouteObject } from 'react-router';
import { page } from '../../lazy-page';

/** The funder workspace's pages (lazy, one chunk each), mounted under the layout by src/routes.tsx. */
export const funderRoutes: RouteObject[] = [
  { path: 'funder', lazy: page(() => import('./MyFunds')) },
  { path: 'funder/funds/new', lazy: page(() => import('./FundEditor')) },
  { path: 'funder/funds/:id/edit', lazy: page(() => import('./FundEditor')) },
  { path: 'funder/funds/:id/candidates', lazy: page(() => import('./Candidates')) },
  { path: 'funder/applications', lazy: page(() => import('./ApplicationsInbox')) },
];
