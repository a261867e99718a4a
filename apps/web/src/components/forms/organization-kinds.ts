import type { OrganizationKind } from '../../gql/graphql';

/** Every kind of organization, in the schema's order (lists sort them by their translated label). */
export const KINDS: OrganizationKind[] = [
  'DIASPORA_ORGANIZATION',
  'DIASPORA_NETWORK',
  'MIGRANT_ASSOCIATION',
  'NGO',
  'FUNDER',
  'GOVERNMENT_AGENCY',
  'LOCAL_AUTHORITY',
  'INTERNATIONAL_ORGANIZATION',
  'TRAINING_PROVIDER',
  'ACADEMIC',
  'FAITH_BASED',
  'PRIVATE_SECTOR',
  'TRADE_UNION',
];
