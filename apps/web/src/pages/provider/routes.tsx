import type { RouteObject } from 'react-router';
import { page } from '../../lazy-page';

/** The provider workspace's pages (lazy, one chunk each), mounted under the layout by src/routes.tsx. */
export const providerRoutes: RouteObject[] = [
  { path: 'provider', lazy: page(() => import('./MyOffers')) },
  { path: 'provider/offers/new', lazy: page(() => import('./OfferEditor')) },
  { path: 'provider/offers/:id/edit', lazy: page(() => import('./OfferEditor')) },
  { path: 'provider/offers/:id', lazy: page(() => import('./OfferEnrolments')) },
];
