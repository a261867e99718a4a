import type { RouteObject } from 'react-router';
import { Layout } from './components/Layout';
import { RouteError } from './components/RouteError';
import { page } from './lazy-page';
import Home from './pages/Home';
import { prefetchDirectory } from './pages/directory/query';
import { funderRoutes } from './pages/funder/routes';
import { governmentRoutes } from './pages/government/routes';
import { moderationRoutes } from './pages/moderation/routes';
import { providerRoutes } from './pages/provider/routes';

/** Every page has its URL; all but the home page are loaded on demand (one chunk per page). */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: RouteError,
    children: [
      { index: true, Component: Home },
      { path: 'sign-in', lazy: page(() => import('./pages/SignIn')) },
      { path: 'sign-up', lazy: page(() => import('./pages/SignUp')) },
      { path: 'register/:token', lazy: page(() => import('./pages/CompleteRegistration')) },
      // the loader starts the first page's query while the page's chunk loads
      { path: 'directory', loader: prefetchDirectory, lazy: page(() => import('./pages/Directory')) },
      { path: 'organizations/:slug', lazy: page(() => import('./pages/OrganizationPage')) },
      { path: 'organizations/:slug/projects', lazy: page(() => import('./pages/projects/OrganizationProjects')) },
      { path: 'organizations/:slug/projects/new', lazy: page(() => import('./pages/projects/ProjectForm')) },
      { path: 'organizations/:slug/partners', lazy: page(() => import('./pages/partners/Partners')) },
      { path: 'projects/:id', lazy: page(() => import('./pages/projects/ProjectPage')) },
      { path: 'projects/:id/edit', lazy: page(() => import('./pages/projects/ProjectForm')) },
      { path: 'me/organizations', lazy: page(() => import('./pages/MyOrganizations')) },
      { path: 'me/organizations/new', lazy: page(() => import('./pages/CreateOrganization')) },
      { path: 'funding', lazy: page(() => import('./pages/funding/Funding')) },
      { path: 'funds', lazy: page(() => import('./pages/catalogue/OpenFunds')) },
      { path: 'funds/:id', lazy: page(() => import('./pages/funding/FundPage')) },
      { path: 'applications/:id', lazy: page(() => import('./pages/funding/ApplicationPage')) },
      { path: 'trainings', lazy: page(() => import('./pages/trainings/Trainings')) },
      { path: 'trainings/:id', lazy: page(() => import('./pages/trainings/TrainingPage')) },
      { path: 'training-offers', lazy: page(() => import('./pages/catalogue/TrainingCatalogue')) },
      { path: 'reset-password', lazy: page(() => import('./pages/account/ResetPassword')) },
      { path: 'confirm-email', lazy: page(() => import('./pages/account/ConfirmEmail')) },
      { path: 'me/settings', lazy: page(() => import('./pages/account/Settings')) },
      { path: 'me/organizations/:id', lazy: page(() => import('./pages/organization-admin/OrganizationAdmin')) },
      { path: 'notifications', lazy: page(() => import('./pages/notifications/NotificationCentre')) },
      ...funderRoutes,
      ...governmentRoutes,
      ...providerRoutes,
      ...moderationRoutes,
      { path: '*', lazy: page(() => import('./pages/NotFound')) },
    ],
  },
];
