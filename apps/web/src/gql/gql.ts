/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query RecentNotifications {\n    myNotifications(first: 10) {\n      id\n      title\n      body\n      link\n      readAt\n      createdAt\n    }\n  }\n": typeof types.RecentNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      link\n      readAt\n      createdAt\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  query OrganizationFormReference {\n    countries {\n      code\n      name\n    }\n    themes {\n      code\n      name\n    }\n    languages {\n      code\n      name\n    }\n  }\n": typeof types.OrganizationFormReferenceDocument,
    "\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      slug\n    }\n  }\n": typeof types.CreateOrganizationDocument,
    "\n  query DirectoryReference {\n    countries {\n      code\n      name\n    }\n    themes {\n      code\n      name\n    }\n    languages {\n      code\n      name\n    }\n  }\n": typeof types.DirectoryReferenceDocument,
    "\n  query DirectorySearch($search: String, $filter: OrganizationFilter, $first: Int, $after: String) {\n    organizations(search: $search, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        slug\n        name\n        kind\n        city\n        verification\n        description\n        countriesOfOrigin {\n          code\n          name\n        }\n        countriesOfResidence {\n          code\n          name\n        }\n        themes {\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.DirectorySearchDocument,
    "\n  query HomeCounts {\n    organizations(first: 1) {\n      totalCount\n    }\n    projects(first: 1) {\n      totalCount\n    }\n    funds(first: 1, openOnly: true) {\n      totalCount\n    }\n  }\n": typeof types.HomeCountsDocument,
    "\n  query MyMemberships {\n    me {\n      id\n      name\n      memberships {\n        id\n        role\n        organization {\n          id\n          slug\n          name\n          kind\n          verification\n        }\n      }\n    }\n  }\n": typeof types.MyMembershipsDocument,
    "\n  query OrganizationProfile($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n      name\n      kind\n      description\n      city\n      foundedYear\n      website\n      contactEmail\n      memberCount\n      verification\n      womenLed\n      youthLed\n      legallyRegistered\n      countriesOfOrigin {\n        code\n        name\n      }\n      countriesOfResidence {\n        code\n        name\n      }\n      themes {\n        code\n        name\n      }\n      languages {\n        code\n        name\n      }\n      projects(first: 20) {\n        totalCount\n        nodes {\n          id\n          title\n          status\n          summary\n        }\n      }\n      partnerships(status: ACTIVE) {\n        id\n        status\n        initiator {\n          id\n          slug\n          name\n        }\n        partner {\n          id\n          slug\n          name\n        }\n      }\n      networks {\n        id\n        slug\n        name\n      }\n      memberOrganizations {\n        id\n        slug\n        name\n      }\n    }\n  }\n": typeof types.OrganizationProfileDocument,
    "\n  mutation StartRegistration($email: String!) {\n    startRegistration(email: $email)\n  }\n": typeof types.StartRegistrationDocument,
};
const documents: Documents = {
    "\n  query RecentNotifications {\n    myNotifications(first: 10) {\n      id\n      title\n      body\n      link\n      readAt\n      createdAt\n    }\n  }\n": types.RecentNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      link\n      readAt\n      createdAt\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  query OrganizationFormReference {\n    countries {\n      code\n      name\n    }\n    themes {\n      code\n      name\n    }\n    languages {\n      code\n      name\n    }\n  }\n": types.OrganizationFormReferenceDocument,
    "\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      slug\n    }\n  }\n": types.CreateOrganizationDocument,
    "\n  query DirectoryReference {\n    countries {\n      code\n      name\n    }\n    themes {\n      code\n      name\n    }\n    languages {\n      code\n      name\n    }\n  }\n": types.DirectoryReferenceDocument,
    "\n  query DirectorySearch($search: String, $filter: OrganizationFilter, $first: Int, $after: String) {\n    organizations(search: $search, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        slug\n        name\n        kind\n        city\n        verification\n        description\n        countriesOfOrigin {\n          code\n          name\n        }\n        countriesOfResidence {\n          code\n          name\n        }\n        themes {\n          code\n          name\n        }\n      }\n    }\n  }\n": types.DirectorySearchDocument,
    "\n  query HomeCounts {\n    organizations(first: 1) {\n      totalCount\n    }\n    projects(first: 1) {\n      totalCount\n    }\n    funds(first: 1, openOnly: true) {\n      totalCount\n    }\n  }\n": types.HomeCountsDocument,
    "\n  query MyMemberships {\n    me {\n      id\n      name\n      memberships {\n        id\n        role\n        organization {\n          id\n          slug\n          name\n          kind\n          verification\n        }\n      }\n    }\n  }\n": types.MyMembershipsDocument,
    "\n  query OrganizationProfile($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n      name\n      kind\n      description\n      city\n      foundedYear\n      website\n      contactEmail\n      memberCount\n      verification\n      womenLed\n      youthLed\n      legallyRegistered\n      countriesOfOrigin {\n        code\n        name\n      }\n      countriesOfResidence {\n        code\n        name\n      }\n      themes {\n        code\n        name\n      }\n      languages {\n        code\n        name\n      }\n      projects(first: 20) {\n        totalCount\n        nodes {\n          id\n          title\n          status\n          summary\n        }\n      }\n      partnerships(status: ACTIVE) {\n        id\n        status\n        initiator {\n          id\n          slug\n          name\n        }\n        partner {\n          id\n          slug\n          name\n        }\n      }\n      networks {\n        id\n        slug\n        name\n      }\n      memberOrganizations {\n        id\n        slug\n        name\n      }\n    }\n  }\n": types.OrganizationProfileDocument,
    "\n  mutation StartRegistration($email: String!) {\n    startRegistration(email: $email)\n  }\n": types.StartRegistrationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RecentNotifications {\n    myNotifications(first: 10) {\n      id\n      title\n      body\n      link\n      readAt\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  query RecentNotifications {\n    myNotifications(first: 10) {\n      id\n      title\n      body\n      link\n      readAt\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      link\n      readAt\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      id\n      title\n      body\n      link\n      readAt\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationFormReference {\n    countries {\n      code\n      name\n    }\n    themes {\n      code\n      name\n    }\n    languages {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query OrganizationFormReference {\n    countries {\n      code\n      name\n    }\n    themes {\n      code\n      name\n    }\n    languages {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      slug\n    }\n  }\n"): (typeof documents)["\n  mutation CreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      slug\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryReference {\n    countries {\n      code\n      name\n    }\n    themes {\n      code\n      name\n    }\n    languages {\n      code\n      name\n    }\n  }\n"): (typeof documents)["\n  query DirectoryReference {\n    countries {\n      code\n      name\n    }\n    themes {\n      code\n      name\n    }\n    languages {\n      code\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectorySearch($search: String, $filter: OrganizationFilter, $first: Int, $after: String) {\n    organizations(search: $search, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        slug\n        name\n        kind\n        city\n        verification\n        description\n        countriesOfOrigin {\n          code\n          name\n        }\n        countriesOfResidence {\n          code\n          name\n        }\n        themes {\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DirectorySearch($search: String, $filter: OrganizationFilter, $first: Int, $after: String) {\n    organizations(search: $search, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        slug\n        name\n        kind\n        city\n        verification\n        description\n        countriesOfOrigin {\n          code\n          name\n        }\n        countriesOfResidence {\n          code\n          name\n        }\n        themes {\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HomeCounts {\n    organizations(first: 1) {\n      totalCount\n    }\n    projects(first: 1) {\n      totalCount\n    }\n    funds(first: 1, openOnly: true) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query HomeCounts {\n    organizations(first: 1) {\n      totalCount\n    }\n    projects(first: 1) {\n      totalCount\n    }\n    funds(first: 1, openOnly: true) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyMemberships {\n    me {\n      id\n      name\n      memberships {\n        id\n        role\n        organization {\n          id\n          slug\n          name\n          kind\n          verification\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyMemberships {\n    me {\n      id\n      name\n      memberships {\n        id\n        role\n        organization {\n          id\n          slug\n          name\n          kind\n          verification\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrganizationProfile($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n      name\n      kind\n      description\n      city\n      foundedYear\n      website\n      contactEmail\n      memberCount\n      verification\n      womenLed\n      youthLed\n      legallyRegistered\n      countriesOfOrigin {\n        code\n        name\n      }\n      countriesOfResidence {\n        code\n        name\n      }\n      themes {\n        code\n        name\n      }\n      languages {\n        code\n        name\n      }\n      projects(first: 20) {\n        totalCount\n        nodes {\n          id\n          title\n          status\n          summary\n        }\n      }\n      partnerships(status: ACTIVE) {\n        id\n        status\n        initiator {\n          id\n          slug\n          name\n        }\n        partner {\n          id\n          slug\n          name\n        }\n      }\n      networks {\n        id\n        slug\n        name\n      }\n      memberOrganizations {\n        id\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrganizationProfile($slug: String!) {\n    organization(slug: $slug) {\n      id\n      slug\n      name\n      kind\n      description\n      city\n      foundedYear\n      website\n      contactEmail\n      memberCount\n      verification\n      womenLed\n      youthLed\n      legallyRegistered\n      countriesOfOrigin {\n        code\n        name\n      }\n      countriesOfResidence {\n        code\n        name\n      }\n      themes {\n        code\n        name\n      }\n      languages {\n        code\n        name\n      }\n      projects(first: 20) {\n        totalCount\n        nodes {\n          id\n          title\n          status\n          summary\n        }\n      }\n      partnerships(status: ACTIVE) {\n        id\n        status\n        initiator {\n          id\n          slug\n          name\n        }\n        partner {\n          id\n          slug\n          name\n        }\n      }\n      networks {\n        id\n        slug\n        name\n      }\n      memberOrganizations {\n        id\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRegistration($email: String!) {\n    startRegistration(email: $email)\n  }\n"): (typeof documents)["\n  mutation StartRegistration($email: String!) {\n    startRegistration(email: $email)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;