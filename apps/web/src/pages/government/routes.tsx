import type { RouteObject } from 'react-router';
import { page } from '../../lazy-page';

/** The government workspace's pages (lazy, one chunk each), mounted under the layout by src/routes.tsx. */
export const governmentRoutes: RouteObject[] = [
  { path: 'government', lazy: page(() => import('./GovernmentHome')) },
  { path: 'government/counterparts', lazy: page(() => import('./CounterpartFinder')) },
  { path: 'government/consultations/new', lazy: page(() => import('./ConsultationForm')) },
  // public pages, where the dialogue notifications link (/consultations/<id>)
  { path: 'consultations', lazy: page(() => import('./PublicConsultations')) },
  { path: 'consultations/:id', lazy: page(() => import('./ConsultationPage')) },
  { path: 'consultations/:id/report', lazy: page(() => import('./ConsultationReport')) },
];
