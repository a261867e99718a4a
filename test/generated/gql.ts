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
    "\n  mutation CapacityFlowAssess($o: ID!, $s: [CapacityScoreInput!]!) {\n    submitCapacityAssessment(organizationId: $o, scores: $s) {\n      id\n      scores {\n        area\n        level\n      }\n      needs\n      assessedAt\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.CapacityFlowAssessDocument,
    "\n  query CapacityFlowAssessment($id: ID!) {\n    organization(id: $id) {\n      capacityAssessment {\n        id\n        needs\n        scores {\n          area\n          level\n        }\n      }\n    }\n  }\n": typeof types.CapacityFlowAssessmentDocument,
    "\n  mutation CapacityFlowCreate($i: TrainingOfferInput!) {\n    createTrainingOffer(input: $i) {\n      id\n      status\n      seatsLeft\n    }\n  }\n": typeof types.CapacityFlowCreateDocument,
    "\n  mutation CapacityFlowPublish($id: ID!) {\n    publishTrainingOffer(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CapacityFlowPublishDocument,
    "\n  query CapacityFlowMatches($o: ID!) {\n    trainingMatches(organizationId: $o, first: 20) {\n      score\n      addressesNeeds\n      reasons {\n        factor\n        points\n        detail\n      }\n      training {\n        id\n        title\n      }\n    }\n  }\n": typeof types.CapacityFlowMatchesDocument,
    "\n  mutation CapacityFlowEnrol($t: ID!, $o: ID!) {\n    enrol(trainingId: $t, organizationId: $o) {\n      id\n      status\n      participant {\n        id\n      }\n      organization {\n        id\n      }\n      training {\n        id\n        seatsLeft\n      }\n    }\n  }\n": typeof types.CapacityFlowEnrolDocument,
    "\n  query CapacityFlowOffer($id: ID!) {\n    trainingOffer(id: $id) {\n      id\n      status\n      seats\n      seatsLeft\n      waitlisted\n      completions\n      averageRating\n      ratingsCount\n      cost {\n        amount\n        currency\n      }\n      languages {\n        code\n      }\n      country {\n        code\n      }\n      provider {\n        id\n      }\n      evaluation {\n        enrolments\n        admitted\n        completions\n        completionRate\n        averageRating\n        ratingsCount\n      }\n    }\n  }\n": typeof types.CapacityFlowOfferDocument,
    "\n  query CapacityFlowEvaluation($id: ID!) {\n    organization(id: $id) {\n      trainingEvaluation {\n        offers\n        enrolments\n        admitted\n        completions\n        completionRate\n        averageRating\n        ratingsCount\n        perOffer {\n          training {\n            id\n          }\n          completions\n          completionRate\n          averageRating\n          ratingsCount\n        }\n      }\n    }\n  }\n": typeof types.CapacityFlowEvaluationDocument,
    "\n  mutation CapacityFlowRate($e: ID!, $r: Int!) {\n    rateTraining(enrolmentId: $e, rating: $r) {\n      id\n    }\n  }\n": typeof types.CapacityFlowRateDocument,
    "\n  query CapacityFlowOffersPage($first: Int, $after: String) {\n    trainingOffers(first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        status\n        startsAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.CapacityFlowOffersPageDocument,
    "\n  query CapacityFlowOfferTitles($format: TrainingFormat, $capacityAreas: [CapacityArea!], $search: String) {\n    trainingOffers(format: $format, capacityAreas: $capacityAreas, search: $search) {\n      totalCount\n      nodes {\n        title\n        format\n      }\n    }\n  }\n": typeof types.CapacityFlowOfferTitlesDocument,
    "\n            mutation CapacityFlowComplete($e: ID!) {\n              completeEnrolment(id: $e) {\n                status\n              }\n            }\n          ": typeof types.CapacityFlowCompleteDocument,
    "\n            mutation CapacityFlowRateOnce($e: ID!) {\n              rateTraining(enrolmentId: $e, rating: 4, comment: \"Practical and well paced\") {\n                status\n                rating\n                comment\n                history {\n                  fromStatus\n                  toStatus\n                  actorId\n                }\n              }\n            }\n          ": typeof types.CapacityFlowRateOnceDocument,
    "\n            mutation CapacityFlowCancel($e: ID!) {\n              cancelEnrolment(id: $e) {\n                status\n                cancelledAt\n              }\n            }\n          ": typeof types.CapacityFlowCancelDocument,
    "\n        query CapacityFlowOfferEnrolments($id: ID!) {\n          trainingOffer(id: $id) {\n            enrolments {\n              id\n            }\n          }\n        }\n      ": typeof types.CapacityFlowOfferEnrolmentsDocument,
    "\n            query CapacityFlowOrganizationEnrolments($id: ID!) {\n              organization(id: $id) {\n                enrolments {\n                  id\n                  status\n                }\n              }\n            }\n          ": typeof types.CapacityFlowOrganizationEnrolmentsDocument,
    "\n      query CapacityFlowCountedList($n: Int) {\n        trainingOffers(first: $n) {\n          nodes {\n            title\n            provider {\n              name\n            }\n            languages {\n              code\n            }\n            country {\n              code\n            }\n            seatsLeft\n            waitlisted\n            averageRating\n            ratingsCount\n            completions\n            cost {\n              amount\n            }\n            evaluation {\n              completionRate\n            }\n          }\n        }\n      }\n    ": typeof types.CapacityFlowCountedListDocument,
    "\n      query CapacityFlowCountedMatches($o: ID!, $n: Int) {\n        trainingMatches(organizationId: $o, first: $n) {\n          score\n          training {\n            title\n            provider {\n              name\n            }\n            seatsLeft\n            averageRating\n            languages {\n              code\n            }\n          }\n        }\n      }\n    ": typeof types.CapacityFlowCountedMatchesDocument,
    "\n  mutation DemoLogin($e: String!, $p: String!) {\n    login(email: $e, password: $p) {\n      accessToken\n      user {\n        platformRole\n      }\n    }\n  }\n": typeof types.DemoLoginDocument,
    "\n        query DemoOrganizations {\n          organizations(first: 100) {\n            totalCount\n            nodes {\n              kind\n              verification\n              countriesOfOrigin {\n                code\n              }\n              countriesOfResidence {\n                code\n              }\n            }\n          }\n        }\n      ": typeof types.DemoOrganizationsDocument,
    "\n        query DemoSenegaleseOfLyon {\n          organization(slug: \"association-des-senegalais-de-lyon\") {\n            id\n            memberOrganizations {\n              id\n            }\n            networks {\n              name\n            }\n          }\n        }\n      ": typeof types.DemoSenegaleseOfLyonDocument,
    "\n        query DemoFundMatches($o: ID!) {\n          fundMatches(organizationId: $o) {\n            score\n            fund {\n              title\n            }\n            reasons {\n              factor\n              points\n            }\n          }\n        }\n      ": typeof types.DemoFundMatchesDocument,
    "\n        query DemoNetwork {\n          organization(slug: \"african-diaspora-development-network-europe\") {\n            memberOrganizations {\n              name\n            }\n          }\n        }\n      ": typeof types.DemoNetworkDocument,
    "\n          query DemoTrainingOffers {\n            trainingOffers(first: 100) {\n              totalCount\n              nodes {\n                title\n                format\n                languages {\n                  code\n                }\n                country {\n                  code\n                }\n              }\n            }\n          }\n        ": typeof types.DemoTrainingOffersDocument,
    "\n        query DemoOrganizationBySlug($s: String) {\n          organization(slug: $s) {\n            id\n          }\n        }\n      ": typeof types.DemoOrganizationBySlugDocument,
    "\n          query DemoTrainingMatches($o: ID!) {\n            organization(id: $o) {\n              capacityAssessment {\n                needs\n              }\n            }\n            trainingMatches(organizationId: $o, first: 5) {\n              score\n              addressesNeeds\n              training {\n                title\n              }\n            }\n          }\n        ": typeof types.DemoTrainingMatchesDocument,
    "\n        query DemoAcademy {\n          organization(slug: \"diaspora-capacity-academy\") {\n            trainingEvaluation {\n              completions\n              completionRate\n              averageRating\n              ratingsCount\n            }\n          }\n        }\n      ": typeof types.DemoAcademyDocument,
    "\n  mutation OrgFlowCreate($i: OrganizationInput!) {\n    createOrganization(input: $i) {\n      id\n      slug\n      name\n      description\n      contactEmail\n      verification\n      memberCount\n      countriesOfOrigin {\n        code\n      }\n      countriesOfResidence {\n        code\n      }\n      themes {\n        code\n      }\n      languages {\n        code\n      }\n      members {\n        role\n        user {\n          email\n        }\n      }\n    }\n  }\n": typeof types.OrgFlowCreateDocument,
    "\n  query OrgFlowSearch($search: String, $filter: OrganizationFilter) {\n    organizations(search: $search, filter: $filter, first: 100) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n": typeof types.OrgFlowSearchDocument,
    "\n  query OrgFlowPage($after: String, $orderBy: OrganizationOrder, $search: String) {\n    organizations(first: 4, after: $after, orderBy: $orderBy, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n      }\n    }\n  }\n": typeof types.OrgFlowPageDocument,
    "\n          mutation OrgFlowRegister($i: RegisterInput!) {\n            register(input: $i) {\n              accessToken\n              user {\n                id\n                email\n                platformRole\n              }\n            }\n          }\n        ": typeof types.OrgFlowRegisterDocument,
    "\n              query OrgFlowContact($id: ID) {\n                organization(id: $id) {\n                  contactEmail\n                  members {\n                    role\n                  }\n                }\n              }\n            ": typeof types.OrgFlowContactDocument,
    "\n          mutation OrgFlowRequestVerification($id: ID!) {\n            requestVerification(organizationId: $id) {\n              verification\n            }\n          }\n        ": typeof types.OrgFlowRequestVerificationDocument,
    "\n          mutation OrgFlowDecideVerification($id: ID!) {\n            decideVerification(organizationId: $id, approve: true, note: \"Registered charity 1182\") {\n              verification\n            }\n          }\n        ": typeof types.OrgFlowDecideVerificationDocument,
    "\n          query OrgFlowVerificationHistory($id: ID) {\n            organization(id: $id) {\n              verificationHistory {\n                fromStatus\n                toStatus\n                actorId\n                note\n              }\n            }\n          }\n        ": typeof types.OrgFlowVerificationHistoryDocument,
    "\n          query OrgFlowBySlug {\n            organization(slug: \"ghana-hometown-association-of-london\") {\n              id\n            }\n          }\n        ": typeof types.OrgFlowBySlugDocument,
    "\n          query OrgFlowTotal {\n            organizations {\n              totalCount\n            }\n          }\n        ": typeof types.OrgFlowTotalDocument,
    "\n  mutation PartnershipsPropose($a: ID!, $b: ID!, $k: PartnershipKind!, $p: ID, $m: String) {\n    proposePartnership(initiatorId: $a, partnerId: $b, kind: $k, projectId: $p, message: $m) {\n      id\n      status\n      kind\n      initiator {\n        id\n      }\n      partner {\n        id\n      }\n      project {\n        id\n      }\n      message\n    }\n  }\n": typeof types.PartnershipsProposeDocument,
    "\n  mutation PartnershipsRespond($id: ID!, $accept: Boolean!) {\n    respondToPartnership(id: $id, accept: $accept) {\n      id\n      status\n      respondedAt\n    }\n  }\n": typeof types.PartnershipsRespondDocument,
    "\n  mutation PartnershipsEnd($id: ID!) {\n    endPartnership(id: $id) {\n      id\n      status\n      endedAt\n    }\n  }\n": typeof types.PartnershipsEndDocument,
    "\n  query PartnershipsProjectPartners($id: ID!) {\n    project(id: $id) {\n      partners {\n        id\n      }\n    }\n  }\n": typeof types.PartnershipsProjectPartnersDocument,
    "\n  query PartnershipsSuggestions($id: ID!) {\n    partnerSuggestions(organizationId: $id, first: 10) {\n      score\n      organization {\n        id\n        name\n      }\n      reasons {\n        factor\n        points\n        detail\n      }\n    }\n  }\n": typeof types.PartnershipsSuggestionsDocument,
    "\n          mutation PartnershipsCreateProject($i: ProjectInput!) {\n            createProject(input: $i) {\n              id\n            }\n          }\n        ": typeof types.PartnershipsCreateProjectDocument,
    "\n        query PartnershipsPublicView($id: ID) {\n          organization(id: $id) {\n            partnerships {\n              id\n            }\n          }\n        }\n      ": typeof types.PartnershipsPublicViewDocument,
    "\n        query PartnershipsSideView($id: ID) {\n          organization(id: $id) {\n            partnerships(status: PROPOSED) {\n              id\n            }\n          }\n        }\n      ": typeof types.PartnershipsSideViewDocument,
    "\n        query PartnershipsHistory($id: ID) {\n          organization(id: $id) {\n            partnerships(status: ENDED) {\n              history {\n                fromStatus\n                toStatus\n              }\n            }\n          }\n        }\n      ": typeof types.PartnershipsHistoryDocument,
    "\n  mutation ProjectsFlowCreate($i: ProjectInput!) {\n    createProject(input: $i) {\n      id\n      title\n      status\n      kind\n      budget {\n        amount\n        currency\n      }\n      fundingSought {\n        amount\n        currency\n      }\n      startDate\n      endDate\n      countries {\n        code\n      }\n      themes {\n        code\n      }\n      sdgs {\n        number\n      }\n      organization {\n        id\n      }\n    }\n  }\n": typeof types.ProjectsFlowCreateDocument,
    "\n  mutation ProjectsFlowRecord($i: ID!, $v: Float!, $d: Date!) {\n    recordMeasurement(indicatorId: $i, value: $v, measuredOn: $d, note: \"field survey\") {\n      id\n      value\n      measuredOn\n    }\n  }\n": typeof types.ProjectsFlowRecordDocument,
    "\n  query ProjectsFlowFind($s: String, $f: ProjectFilter) {\n    projects(search: $s, filter: $f, first: 50) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n": typeof types.ProjectsFlowFindDocument,
    "\n            mutation ProjectsFlowAddIndicator($p: ID!) {\n              addIndicator(projectId: $p, name: \"Hectares irrigated\", unit: \"ha\", baseline: 10, target: 50) {\n                id\n                progress\n              }\n            }\n          ": typeof types.ProjectsFlowAddIndicatorDocument,
    "\n          query ProjectsFlowIndicators($id: ID!) {\n            project(id: $id) {\n              indicators {\n                name\n                progress\n                measurements {\n                  value\n                  measuredOn\n                  note\n                }\n              }\n            }\n          }\n        ": typeof types.ProjectsFlowIndicatorsDocument,
    "\n            mutation ProjectsFlowAddFlatIndicator($p: ID!) {\n              addIndicator(projectId: $p, name: \"Pumps\", unit: \"pumps\", baseline: 4, target: 4) {\n                id\n              }\n            }\n          ": typeof types.ProjectsFlowAddFlatIndicatorDocument,
    "\n          query ProjectsFlowProgress($id: ID!) {\n            project(id: $id) {\n              indicators {\n                progress\n              }\n            }\n          }\n        ": typeof types.ProjectsFlowProgressDocument,
    "\n          query ProjectsFlowOrganizationProjects($id: ID) {\n            organization(id: $id) {\n              projects(first: 1) {\n                totalCount\n                nodes {\n                  id\n                }\n                pageInfo {\n                  hasNextPage\n                }\n              }\n            }\n          }\n        ": typeof types.ProjectsFlowOrganizationProjectsDocument,
    "\n          mutation ProjectsFlowArchive($id: ID!) {\n            archiveProject(id: $id) {\n              archivedAt\n            }\n          }\n        ": typeof types.ProjectsFlowArchiveDocument,
    "\n        query ProjectsFlowArchived($id: ID!) {\n          project(id: $id) {\n            id\n            indicators {\n              measurements {\n                value\n              }\n            }\n          }\n        }\n      ": typeof types.ProjectsFlowArchivedDocument,
    "\n  mutation ProviderOffersCreate($i: TrainingOfferInput!) {\n    createTrainingOffer(input: $i) {\n      id\n    }\n  }\n": typeof types.ProviderOffersCreateDocument,
    "\n  mutation ProviderOffersPublish($id: ID!) {\n    publishTrainingOffer(id: $id) {\n      id\n    }\n  }\n": typeof types.ProviderOffersPublishDocument,
    "\n  query ProviderOffersList($id: ID!) {\n    organization(id: $id) {\n      trainingOffers {\n        id\n        title\n        status\n      }\n    }\n  }\n": typeof types.ProviderOffersListDocument,
    "\n  query SmokeMe {\n    me {\n      id\n      email\n    }\n  }\n": typeof types.SmokeMeDocument,
    "\n  mutation FixtureRegister($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n        email\n      }\n    }\n  }\n": typeof types.FixtureRegisterDocument,
    "\n  mutation FixtureLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      user {\n        id\n        email\n      }\n    }\n  }\n": typeof types.FixtureLoginDocument,
    "\n  mutation FixtureCreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n": typeof types.FixtureCreateOrganizationDocument,
    "\n  mutation FixtureInviteMember($o: ID!, $e: String!, $r: MemberRole!) {\n    inviteOrganizationMember(organizationId: $o, email: $e, role: $r) {\n      id\n    }\n  }\n": typeof types.FixtureInviteMemberDocument,
    "\n  mutation FixtureAcceptInvitation($i: AcceptMemberInvitationInput!) {\n    acceptMemberInvitation(input: $i) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n": typeof types.FixtureAcceptInvitationDocument,
    "\n  mutation FundFixtureCreate($i: FundInput!) {\n    createFund(input: $i) {\n      id\n      status\n    }\n  }\n": typeof types.FundFixtureCreateDocument,
    "\n  mutation FundFixturePublish($id: ID!) {\n    publishFund(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.FundFixturePublishDocument,
};
const documents: Documents = {
    "\n  mutation CapacityFlowAssess($o: ID!, $s: [CapacityScoreInput!]!) {\n    submitCapacityAssessment(organizationId: $o, scores: $s) {\n      id\n      scores {\n        area\n        level\n      }\n      needs\n      assessedAt\n      organization {\n        id\n      }\n    }\n  }\n": types.CapacityFlowAssessDocument,
    "\n  query CapacityFlowAssessment($id: ID!) {\n    organization(id: $id) {\n      capacityAssessment {\n        id\n        needs\n        scores {\n          area\n          level\n        }\n      }\n    }\n  }\n": types.CapacityFlowAssessmentDocument,
    "\n  mutation CapacityFlowCreate($i: TrainingOfferInput!) {\n    createTrainingOffer(input: $i) {\n      id\n      status\n      seatsLeft\n    }\n  }\n": types.CapacityFlowCreateDocument,
    "\n  mutation CapacityFlowPublish($id: ID!) {\n    publishTrainingOffer(id: $id) {\n      id\n      status\n    }\n  }\n": types.CapacityFlowPublishDocument,
    "\n  query CapacityFlowMatches($o: ID!) {\n    trainingMatches(organizationId: $o, first: 20) {\n      score\n      addressesNeeds\n      reasons {\n        factor\n        points\n        detail\n      }\n      training {\n        id\n        title\n      }\n    }\n  }\n": types.CapacityFlowMatchesDocument,
    "\n  mutation CapacityFlowEnrol($t: ID!, $o: ID!) {\n    enrol(trainingId: $t, organizationId: $o) {\n      id\n      status\n      participant {\n        id\n      }\n      organization {\n        id\n      }\n      training {\n        id\n        seatsLeft\n      }\n    }\n  }\n": types.CapacityFlowEnrolDocument,
    "\n  query CapacityFlowOffer($id: ID!) {\n    trainingOffer(id: $id) {\n      id\n      status\n      seats\n      seatsLeft\n      waitlisted\n      completions\n      averageRating\n      ratingsCount\n      cost {\n        amount\n        currency\n      }\n      languages {\n        code\n      }\n      country {\n        code\n      }\n      provider {\n        id\n      }\n      evaluation {\n        enrolments\n        admitted\n        completions\n        completionRate\n        averageRating\n        ratingsCount\n      }\n    }\n  }\n": types.CapacityFlowOfferDocument,
    "\n  query CapacityFlowEvaluation($id: ID!) {\n    organization(id: $id) {\n      trainingEvaluation {\n        offers\n        enrolments\n        admitted\n        completions\n        completionRate\n        averageRating\n        ratingsCount\n        perOffer {\n          training {\n            id\n          }\n          completions\n          completionRate\n          averageRating\n          ratingsCount\n        }\n      }\n    }\n  }\n": types.CapacityFlowEvaluationDocument,
    "\n  mutation CapacityFlowRate($e: ID!, $r: Int!) {\n    rateTraining(enrolmentId: $e, rating: $r) {\n      id\n    }\n  }\n": types.CapacityFlowRateDocument,
    "\n  query CapacityFlowOffersPage($first: Int, $after: String) {\n    trainingOffers(first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        status\n        startsAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.CapacityFlowOffersPageDocument,
    "\n  query CapacityFlowOfferTitles($format: TrainingFormat, $capacityAreas: [CapacityArea!], $search: String) {\n    trainingOffers(format: $format, capacityAreas: $capacityAreas, search: $search) {\n      totalCount\n      nodes {\n        title\n        format\n      }\n    }\n  }\n": types.CapacityFlowOfferTitlesDocument,
    "\n            mutation CapacityFlowComplete($e: ID!) {\n              completeEnrolment(id: $e) {\n                status\n              }\n            }\n          ": types.CapacityFlowCompleteDocument,
    "\n            mutation CapacityFlowRateOnce($e: ID!) {\n              rateTraining(enrolmentId: $e, rating: 4, comment: \"Practical and well paced\") {\n                status\n                rating\n                comment\n                history {\n                  fromStatus\n                  toStatus\n                  actorId\n                }\n              }\n            }\n          ": types.CapacityFlowRateOnceDocument,
    "\n            mutation CapacityFlowCancel($e: ID!) {\n              cancelEnrolment(id: $e) {\n                status\n                cancelledAt\n              }\n            }\n          ": types.CapacityFlowCancelDocument,
    "\n        query CapacityFlowOfferEnrolments($id: ID!) {\n          trainingOffer(id: $id) {\n            enrolments {\n              id\n            }\n          }\n        }\n      ": types.CapacityFlowOfferEnrolmentsDocument,
    "\n            query CapacityFlowOrganizationEnrolments($id: ID!) {\n              organization(id: $id) {\n                enrolments {\n                  id\n                  status\n                }\n              }\n            }\n          ": types.CapacityFlowOrganizationEnrolmentsDocument,
    "\n      query CapacityFlowCountedList($n: Int) {\n        trainingOffers(first: $n) {\n          nodes {\n            title\n            provider {\n              name\n            }\n            languages {\n              code\n            }\n            country {\n              code\n            }\n            seatsLeft\n            waitlisted\n            averageRating\n            ratingsCount\n            completions\n            cost {\n              amount\n            }\n            evaluation {\n              completionRate\n            }\n          }\n        }\n      }\n    ": types.CapacityFlowCountedListDocument,
    "\n      query CapacityFlowCountedMatches($o: ID!, $n: Int) {\n        trainingMatches(organizationId: $o, first: $n) {\n          score\n          training {\n            title\n            provider {\n              name\n            }\n            seatsLeft\n            averageRating\n            languages {\n              code\n            }\n          }\n        }\n      }\n    ": types.CapacityFlowCountedMatchesDocument,
    "\n  mutation DemoLogin($e: String!, $p: String!) {\n    login(email: $e, password: $p) {\n      accessToken\n      user {\n        platformRole\n      }\n    }\n  }\n": types.DemoLoginDocument,
    "\n        query DemoOrganizations {\n          organizations(first: 100) {\n            totalCount\n            nodes {\n              kind\n              verification\n              countriesOfOrigin {\n                code\n              }\n              countriesOfResidence {\n                code\n              }\n            }\n          }\n        }\n      ": types.DemoOrganizationsDocument,
    "\n        query DemoSenegaleseOfLyon {\n          organization(slug: \"association-des-senegalais-de-lyon\") {\n            id\n            memberOrganizations {\n              id\n            }\n            networks {\n              name\n            }\n          }\n        }\n      ": types.DemoSenegaleseOfLyonDocument,
    "\n        query DemoFundMatches($o: ID!) {\n          fundMatches(organizationId: $o) {\n            score\n            fund {\n              title\n            }\n            reasons {\n              factor\n              points\n            }\n          }\n        }\n      ": types.DemoFundMatchesDocument,
    "\n        query DemoNetwork {\n          organization(slug: \"african-diaspora-development-network-europe\") {\n            memberOrganizations {\n              name\n            }\n          }\n        }\n      ": types.DemoNetworkDocument,
    "\n          query DemoTrainingOffers {\n            trainingOffers(first: 100) {\n              totalCount\n              nodes {\n                title\n                format\n                languages {\n                  code\n                }\n                country {\n                  code\n                }\n              }\n            }\n          }\n        ": types.DemoTrainingOffersDocument,
    "\n        query DemoOrganizationBySlug($s: String) {\n          organization(slug: $s) {\n            id\n          }\n        }\n      ": types.DemoOrganizationBySlugDocument,
    "\n          query DemoTrainingMatches($o: ID!) {\n            organization(id: $o) {\n              capacityAssessment {\n                needs\n              }\n            }\n            trainingMatches(organizationId: $o, first: 5) {\n              score\n              addressesNeeds\n              training {\n                title\n              }\n            }\n          }\n        ": types.DemoTrainingMatchesDocument,
    "\n        query DemoAcademy {\n          organization(slug: \"diaspora-capacity-academy\") {\n            trainingEvaluation {\n              completions\n              completionRate\n              averageRating\n              ratingsCount\n            }\n          }\n        }\n      ": types.DemoAcademyDocument,
    "\n  mutation OrgFlowCreate($i: OrganizationInput!) {\n    createOrganization(input: $i) {\n      id\n      slug\n      name\n      description\n      contactEmail\n      verification\n      memberCount\n      countriesOfOrigin {\n        code\n      }\n      countriesOfResidence {\n        code\n      }\n      themes {\n        code\n      }\n      languages {\n        code\n      }\n      members {\n        role\n        user {\n          email\n        }\n      }\n    }\n  }\n": types.OrgFlowCreateDocument,
    "\n  query OrgFlowSearch($search: String, $filter: OrganizationFilter) {\n    organizations(search: $search, filter: $filter, first: 100) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n": types.OrgFlowSearchDocument,
    "\n  query OrgFlowPage($after: String, $orderBy: OrganizationOrder, $search: String) {\n    organizations(first: 4, after: $after, orderBy: $orderBy, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n      }\n    }\n  }\n": types.OrgFlowPageDocument,
    "\n          mutation OrgFlowRegister($i: RegisterInput!) {\n            register(input: $i) {\n              accessToken\n              user {\n                id\n                email\n                platformRole\n              }\n            }\n          }\n        ": types.OrgFlowRegisterDocument,
    "\n              query OrgFlowContact($id: ID) {\n                organization(id: $id) {\n                  contactEmail\n                  members {\n                    role\n                  }\n                }\n              }\n            ": types.OrgFlowContactDocument,
    "\n          mutation OrgFlowRequestVerification($id: ID!) {\n            requestVerification(organizationId: $id) {\n              verification\n            }\n          }\n        ": types.OrgFlowRequestVerificationDocument,
    "\n          mutation OrgFlowDecideVerification($id: ID!) {\n            decideVerification(organizationId: $id, approve: true, note: \"Registered charity 1182\") {\n              verification\n            }\n          }\n        ": types.OrgFlowDecideVerificationDocument,
    "\n          query OrgFlowVerificationHistory($id: ID) {\n            organization(id: $id) {\n              verificationHistory {\n                fromStatus\n                toStatus\n                actorId\n                note\n              }\n            }\n          }\n        ": types.OrgFlowVerificationHistoryDocument,
    "\n          query OrgFlowBySlug {\n            organization(slug: \"ghana-hometown-association-of-london\") {\n              id\n            }\n          }\n        ": types.OrgFlowBySlugDocument,
    "\n          query OrgFlowTotal {\n            organizations {\n              totalCount\n            }\n          }\n        ": types.OrgFlowTotalDocument,
    "\n  mutation PartnershipsPropose($a: ID!, $b: ID!, $k: PartnershipKind!, $p: ID, $m: String) {\n    proposePartnership(initiatorId: $a, partnerId: $b, kind: $k, projectId: $p, message: $m) {\n      id\n      status\n      kind\n      initiator {\n        id\n      }\n      partner {\n        id\n      }\n      project {\n        id\n      }\n      message\n    }\n  }\n": types.PartnershipsProposeDocument,
    "\n  mutation PartnershipsRespond($id: ID!, $accept: Boolean!) {\n    respondToPartnership(id: $id, accept: $accept) {\n      id\n      status\n      respondedAt\n    }\n  }\n": types.PartnershipsRespondDocument,
    "\n  mutation PartnershipsEnd($id: ID!) {\n    endPartnership(id: $id) {\n      id\n      status\n      endedAt\n    }\n  }\n": types.PartnershipsEndDocument,
    "\n  query PartnershipsProjectPartners($id: ID!) {\n    project(id: $id) {\n      partners {\n        id\n      }\n    }\n  }\n": types.PartnershipsProjectPartnersDocument,
    "\n  query PartnershipsSuggestions($id: ID!) {\n    partnerSuggestions(organizationId: $id, first: 10) {\n      score\n      organization {\n        id\n        name\n      }\n      reasons {\n        factor\n        points\n        detail\n      }\n    }\n  }\n": types.PartnershipsSuggestionsDocument,
    "\n          mutation PartnershipsCreateProject($i: ProjectInput!) {\n            createProject(input: $i) {\n              id\n            }\n          }\n        ": types.PartnershipsCreateProjectDocument,
    "\n        query PartnershipsPublicView($id: ID) {\n          organization(id: $id) {\n            partnerships {\n              id\n            }\n          }\n        }\n      ": types.PartnershipsPublicViewDocument,
    "\n        query PartnershipsSideView($id: ID) {\n          organization(id: $id) {\n            partnerships(status: PROPOSED) {\n              id\n            }\n          }\n        }\n      ": types.PartnershipsSideViewDocument,
    "\n        query PartnershipsHistory($id: ID) {\n          organization(id: $id) {\n            partnerships(status: ENDED) {\n              history {\n                fromStatus\n                toStatus\n              }\n            }\n          }\n        }\n      ": types.PartnershipsHistoryDocument,
    "\n  mutation ProjectsFlowCreate($i: ProjectInput!) {\n    createProject(input: $i) {\n      id\n      title\n      status\n      kind\n      budget {\n        amount\n        currency\n      }\n      fundingSought {\n        amount\n        currency\n      }\n      startDate\n      endDate\n      countries {\n        code\n      }\n      themes {\n        code\n      }\n      sdgs {\n        number\n      }\n      organization {\n        id\n      }\n    }\n  }\n": types.ProjectsFlowCreateDocument,
    "\n  mutation ProjectsFlowRecord($i: ID!, $v: Float!, $d: Date!) {\n    recordMeasurement(indicatorId: $i, value: $v, measuredOn: $d, note: \"field survey\") {\n      id\n      value\n      measuredOn\n    }\n  }\n": types.ProjectsFlowRecordDocument,
    "\n  query ProjectsFlowFind($s: String, $f: ProjectFilter) {\n    projects(search: $s, filter: $f, first: 50) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n": types.ProjectsFlowFindDocument,
    "\n            mutation ProjectsFlowAddIndicator($p: ID!) {\n              addIndicator(projectId: $p, name: \"Hectares irrigated\", unit: \"ha\", baseline: 10, target: 50) {\n                id\n                progress\n              }\n            }\n          ": types.ProjectsFlowAddIndicatorDocument,
    "\n          query ProjectsFlowIndicators($id: ID!) {\n            project(id: $id) {\n              indicators {\n                name\n                progress\n                measurements {\n                  value\n                  measuredOn\n                  note\n                }\n              }\n            }\n          }\n        ": types.ProjectsFlowIndicatorsDocument,
    "\n            mutation ProjectsFlowAddFlatIndicator($p: ID!) {\n              addIndicator(projectId: $p, name: \"Pumps\", unit: \"pumps\", baseline: 4, target: 4) {\n                id\n              }\n            }\n          ": types.ProjectsFlowAddFlatIndicatorDocument,
    "\n          query ProjectsFlowProgress($id: ID!) {\n            project(id: $id) {\n              indicators {\n                progress\n              }\n            }\n          }\n        ": types.ProjectsFlowProgressDocument,
    "\n          query ProjectsFlowOrganizationProjects($id: ID) {\n            organization(id: $id) {\n              projects(first: 1) {\n                totalCount\n                nodes {\n                  id\n                }\n                pageInfo {\n                  hasNextPage\n                }\n              }\n            }\n          }\n        ": types.ProjectsFlowOrganizationProjectsDocument,
    "\n          mutation ProjectsFlowArchive($id: ID!) {\n            archiveProject(id: $id) {\n              archivedAt\n            }\n          }\n        ": types.ProjectsFlowArchiveDocument,
    "\n        query ProjectsFlowArchived($id: ID!) {\n          project(id: $id) {\n            id\n            indicators {\n              measurements {\n                value\n              }\n            }\n          }\n        }\n      ": types.ProjectsFlowArchivedDocument,
    "\n  mutation ProviderOffersCreate($i: TrainingOfferInput!) {\n    createTrainingOffer(input: $i) {\n      id\n    }\n  }\n": types.ProviderOffersCreateDocument,
    "\n  mutation ProviderOffersPublish($id: ID!) {\n    publishTrainingOffer(id: $id) {\n      id\n    }\n  }\n": types.ProviderOffersPublishDocument,
    "\n  query ProviderOffersList($id: ID!) {\n    organization(id: $id) {\n      trainingOffers {\n        id\n        title\n        status\n      }\n    }\n  }\n": types.ProviderOffersListDocument,
    "\n  query SmokeMe {\n    me {\n      id\n      email\n    }\n  }\n": types.SmokeMeDocument,
    "\n  mutation FixtureRegister($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n        email\n      }\n    }\n  }\n": types.FixtureRegisterDocument,
    "\n  mutation FixtureLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      user {\n        id\n        email\n      }\n    }\n  }\n": types.FixtureLoginDocument,
    "\n  mutation FixtureCreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n": types.FixtureCreateOrganizationDocument,
    "\n  mutation FixtureInviteMember($o: ID!, $e: String!, $r: MemberRole!) {\n    inviteOrganizationMember(organizationId: $o, email: $e, role: $r) {\n      id\n    }\n  }\n": types.FixtureInviteMemberDocument,
    "\n  mutation FixtureAcceptInvitation($i: AcceptMemberInvitationInput!) {\n    acceptMemberInvitation(input: $i) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n": types.FixtureAcceptInvitationDocument,
    "\n  mutation FundFixtureCreate($i: FundInput!) {\n    createFund(input: $i) {\n      id\n      status\n    }\n  }\n": types.FundFixtureCreateDocument,
    "\n  mutation FundFixturePublish($id: ID!) {\n    publishFund(id: $id) {\n      id\n      status\n    }\n  }\n": types.FundFixturePublishDocument,
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
export function graphql(source: "\n  mutation CapacityFlowAssess($o: ID!, $s: [CapacityScoreInput!]!) {\n    submitCapacityAssessment(organizationId: $o, scores: $s) {\n      id\n      scores {\n        area\n        level\n      }\n      needs\n      assessedAt\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CapacityFlowAssess($o: ID!, $s: [CapacityScoreInput!]!) {\n    submitCapacityAssessment(organizationId: $o, scores: $s) {\n      id\n      scores {\n        area\n        level\n      }\n      needs\n      assessedAt\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CapacityFlowAssessment($id: ID!) {\n    organization(id: $id) {\n      capacityAssessment {\n        id\n        needs\n        scores {\n          area\n          level\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CapacityFlowAssessment($id: ID!) {\n    organization(id: $id) {\n      capacityAssessment {\n        id\n        needs\n        scores {\n          area\n          level\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CapacityFlowCreate($i: TrainingOfferInput!) {\n    createTrainingOffer(input: $i) {\n      id\n      status\n      seatsLeft\n    }\n  }\n"): (typeof documents)["\n  mutation CapacityFlowCreate($i: TrainingOfferInput!) {\n    createTrainingOffer(input: $i) {\n      id\n      status\n      seatsLeft\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CapacityFlowPublish($id: ID!) {\n    publishTrainingOffer(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CapacityFlowPublish($id: ID!) {\n    publishTrainingOffer(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CapacityFlowMatches($o: ID!) {\n    trainingMatches(organizationId: $o, first: 20) {\n      score\n      addressesNeeds\n      reasons {\n        factor\n        points\n        detail\n      }\n      training {\n        id\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query CapacityFlowMatches($o: ID!) {\n    trainingMatches(organizationId: $o, first: 20) {\n      score\n      addressesNeeds\n      reasons {\n        factor\n        points\n        detail\n      }\n      training {\n        id\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CapacityFlowEnrol($t: ID!, $o: ID!) {\n    enrol(trainingId: $t, organizationId: $o) {\n      id\n      status\n      participant {\n        id\n      }\n      organization {\n        id\n      }\n      training {\n        id\n        seatsLeft\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CapacityFlowEnrol($t: ID!, $o: ID!) {\n    enrol(trainingId: $t, organizationId: $o) {\n      id\n      status\n      participant {\n        id\n      }\n      organization {\n        id\n      }\n      training {\n        id\n        seatsLeft\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CapacityFlowOffer($id: ID!) {\n    trainingOffer(id: $id) {\n      id\n      status\n      seats\n      seatsLeft\n      waitlisted\n      completions\n      averageRating\n      ratingsCount\n      cost {\n        amount\n        currency\n      }\n      languages {\n        code\n      }\n      country {\n        code\n      }\n      provider {\n        id\n      }\n      evaluation {\n        enrolments\n        admitted\n        completions\n        completionRate\n        averageRating\n        ratingsCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query CapacityFlowOffer($id: ID!) {\n    trainingOffer(id: $id) {\n      id\n      status\n      seats\n      seatsLeft\n      waitlisted\n      completions\n      averageRating\n      ratingsCount\n      cost {\n        amount\n        currency\n      }\n      languages {\n        code\n      }\n      country {\n        code\n      }\n      provider {\n        id\n      }\n      evaluation {\n        enrolments\n        admitted\n        completions\n        completionRate\n        averageRating\n        ratingsCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CapacityFlowEvaluation($id: ID!) {\n    organization(id: $id) {\n      trainingEvaluation {\n        offers\n        enrolments\n        admitted\n        completions\n        completionRate\n        averageRating\n        ratingsCount\n        perOffer {\n          training {\n            id\n          }\n          completions\n          completionRate\n          averageRating\n          ratingsCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CapacityFlowEvaluation($id: ID!) {\n    organization(id: $id) {\n      trainingEvaluation {\n        offers\n        enrolments\n        admitted\n        completions\n        completionRate\n        averageRating\n        ratingsCount\n        perOffer {\n          training {\n            id\n          }\n          completions\n          completionRate\n          averageRating\n          ratingsCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CapacityFlowRate($e: ID!, $r: Int!) {\n    rateTraining(enrolmentId: $e, rating: $r) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation CapacityFlowRate($e: ID!, $r: Int!) {\n    rateTraining(enrolmentId: $e, rating: $r) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CapacityFlowOffersPage($first: Int, $after: String) {\n    trainingOffers(first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        status\n        startsAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query CapacityFlowOffersPage($first: Int, $after: String) {\n    trainingOffers(first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        status\n        startsAt\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CapacityFlowOfferTitles($format: TrainingFormat, $capacityAreas: [CapacityArea!], $search: String) {\n    trainingOffers(format: $format, capacityAreas: $capacityAreas, search: $search) {\n      totalCount\n      nodes {\n        title\n        format\n      }\n    }\n  }\n"): (typeof documents)["\n  query CapacityFlowOfferTitles($format: TrainingFormat, $capacityAreas: [CapacityArea!], $search: String) {\n    trainingOffers(format: $format, capacityAreas: $capacityAreas, search: $search) {\n      totalCount\n      nodes {\n        title\n        format\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CapacityFlowComplete($e: ID!) {\n              completeEnrolment(id: $e) {\n                status\n              }\n            }\n          "): (typeof documents)["\n            mutation CapacityFlowComplete($e: ID!) {\n              completeEnrolment(id: $e) {\n                status\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CapacityFlowRateOnce($e: ID!) {\n              rateTraining(enrolmentId: $e, rating: 4, comment: \"Practical and well paced\") {\n                status\n                rating\n                comment\n                history {\n                  fromStatus\n                  toStatus\n                  actorId\n                }\n              }\n            }\n          "): (typeof documents)["\n            mutation CapacityFlowRateOnce($e: ID!) {\n              rateTraining(enrolmentId: $e, rating: 4, comment: \"Practical and well paced\") {\n                status\n                rating\n                comment\n                history {\n                  fromStatus\n                  toStatus\n                  actorId\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation CapacityFlowCancel($e: ID!) {\n              cancelEnrolment(id: $e) {\n                status\n                cancelledAt\n              }\n            }\n          "): (typeof documents)["\n            mutation CapacityFlowCancel($e: ID!) {\n              cancelEnrolment(id: $e) {\n                status\n                cancelledAt\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query CapacityFlowOfferEnrolments($id: ID!) {\n          trainingOffer(id: $id) {\n            enrolments {\n              id\n            }\n          }\n        }\n      "): (typeof documents)["\n        query CapacityFlowOfferEnrolments($id: ID!) {\n          trainingOffer(id: $id) {\n            enrolments {\n              id\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            query CapacityFlowOrganizationEnrolments($id: ID!) {\n              organization(id: $id) {\n                enrolments {\n                  id\n                  status\n                }\n              }\n            }\n          "): (typeof documents)["\n            query CapacityFlowOrganizationEnrolments($id: ID!) {\n              organization(id: $id) {\n                enrolments {\n                  id\n                  status\n                }\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query CapacityFlowCountedList($n: Int) {\n        trainingOffers(first: $n) {\n          nodes {\n            title\n            provider {\n              name\n            }\n            languages {\n              code\n            }\n            country {\n              code\n            }\n            seatsLeft\n            waitlisted\n            averageRating\n            ratingsCount\n            completions\n            cost {\n              amount\n            }\n            evaluation {\n              completionRate\n            }\n          }\n        }\n      }\n    "): (typeof documents)["\n      query CapacityFlowCountedList($n: Int) {\n        trainingOffers(first: $n) {\n          nodes {\n            title\n            provider {\n              name\n            }\n            languages {\n              code\n            }\n            country {\n              code\n            }\n            seatsLeft\n            waitlisted\n            averageRating\n            ratingsCount\n            completions\n            cost {\n              amount\n            }\n            evaluation {\n              completionRate\n            }\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n      query CapacityFlowCountedMatches($o: ID!, $n: Int) {\n        trainingMatches(organizationId: $o, first: $n) {\n          score\n          training {\n            title\n            provider {\n              name\n            }\n            seatsLeft\n            averageRating\n            languages {\n              code\n            }\n          }\n        }\n      }\n    "): (typeof documents)["\n      query CapacityFlowCountedMatches($o: ID!, $n: Int) {\n        trainingMatches(organizationId: $o, first: $n) {\n          score\n          training {\n            title\n            provider {\n              name\n            }\n            seatsLeft\n            averageRating\n            languages {\n              code\n            }\n          }\n        }\n      }\n    "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DemoLogin($e: String!, $p: String!) {\n    login(email: $e, password: $p) {\n      accessToken\n      user {\n        platformRole\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DemoLogin($e: String!, $p: String!) {\n    login(email: $e, password: $p) {\n      accessToken\n      user {\n        platformRole\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query DemoOrganizations {\n          organizations(first: 100) {\n            totalCount\n            nodes {\n              kind\n              verification\n              countriesOfOrigin {\n                code\n              }\n              countriesOfResidence {\n                code\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query DemoOrganizations {\n          organizations(first: 100) {\n            totalCount\n            nodes {\n              kind\n              verification\n              countriesOfOrigin {\n                code\n              }\n              countriesOfResidence {\n                code\n              }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query DemoSenegaleseOfLyon {\n          organization(slug: \"association-des-senegalais-de-lyon\") {\n            id\n            memberOrganizations {\n              id\n            }\n            networks {\n              name\n            }\n          }\n        }\n      "): (typeof documents)["\n        query DemoSenegaleseOfLyon {\n          organization(slug: \"association-des-senegalais-de-lyon\") {\n            id\n            memberOrganizations {\n              id\n            }\n            networks {\n              name\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query DemoFundMatches($o: ID!) {\n          fundMatches(organizationId: $o) {\n            score\n            fund {\n              title\n            }\n            reasons {\n              factor\n              points\n            }\n          }\n        }\n      "): (typeof documents)["\n        query DemoFundMatches($o: ID!) {\n          fundMatches(organizationId: $o) {\n            score\n            fund {\n              title\n            }\n            reasons {\n              factor\n              points\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query DemoNetwork {\n          organization(slug: \"african-diaspora-development-network-europe\") {\n            memberOrganizations {\n              name\n            }\n          }\n        }\n      "): (typeof documents)["\n        query DemoNetwork {\n          organization(slug: \"african-diaspora-development-network-europe\") {\n            memberOrganizations {\n              name\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query DemoTrainingOffers {\n            trainingOffers(first: 100) {\n              totalCount\n              nodes {\n                title\n                format\n                languages {\n                  code\n                }\n                country {\n                  code\n                }\n              }\n            }\n          }\n        "): (typeof documents)["\n          query DemoTrainingOffers {\n            trainingOffers(first: 100) {\n              totalCount\n              nodes {\n                title\n                format\n                languages {\n                  code\n                }\n                country {\n                  code\n                }\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query DemoOrganizationBySlug($s: String) {\n          organization(slug: $s) {\n            id\n          }\n        }\n      "): (typeof documents)["\n        query DemoOrganizationBySlug($s: String) {\n          organization(slug: $s) {\n            id\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query DemoTrainingMatches($o: ID!) {\n            organization(id: $o) {\n              capacityAssessment {\n                needs\n              }\n            }\n            trainingMatches(organizationId: $o, first: 5) {\n              score\n              addressesNeeds\n              training {\n                title\n              }\n            }\n          }\n        "): (typeof documents)["\n          query DemoTrainingMatches($o: ID!) {\n            organization(id: $o) {\n              capacityAssessment {\n                needs\n              }\n            }\n            trainingMatches(organizationId: $o, first: 5) {\n              score\n              addressesNeeds\n              training {\n                title\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query DemoAcademy {\n          organization(slug: \"diaspora-capacity-academy\") {\n            trainingEvaluation {\n              completions\n              completionRate\n              averageRating\n              ratingsCount\n            }\n          }\n        }\n      "): (typeof documents)["\n        query DemoAcademy {\n          organization(slug: \"diaspora-capacity-academy\") {\n            trainingEvaluation {\n              completions\n              completionRate\n              averageRating\n              ratingsCount\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OrgFlowCreate($i: OrganizationInput!) {\n    createOrganization(input: $i) {\n      id\n      slug\n      name\n      description\n      contactEmail\n      verification\n      memberCount\n      countriesOfOrigin {\n        code\n      }\n      countriesOfResidence {\n        code\n      }\n      themes {\n        code\n      }\n      languages {\n        code\n      }\n      members {\n        role\n        user {\n          email\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation OrgFlowCreate($i: OrganizationInput!) {\n    createOrganization(input: $i) {\n      id\n      slug\n      name\n      description\n      contactEmail\n      verification\n      memberCount\n      countriesOfOrigin {\n        code\n      }\n      countriesOfResidence {\n        code\n      }\n      themes {\n        code\n      }\n      languages {\n        code\n      }\n      members {\n        role\n        user {\n          email\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgFlowSearch($search: String, $filter: OrganizationFilter) {\n    organizations(search: $search, filter: $filter, first: 100) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgFlowSearch($search: String, $filter: OrganizationFilter) {\n    organizations(search: $search, filter: $filter, first: 100) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OrgFlowPage($after: String, $orderBy: OrganizationOrder, $search: String) {\n    organizations(first: 4, after: $after, orderBy: $orderBy, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query OrgFlowPage($after: String, $orderBy: OrganizationOrder, $search: String) {\n    organizations(first: 4, after: $after, orderBy: $orderBy, search: $search) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation OrgFlowRegister($i: RegisterInput!) {\n            register(input: $i) {\n              accessToken\n              user {\n                id\n                email\n                platformRole\n              }\n            }\n          }\n        "): (typeof documents)["\n          mutation OrgFlowRegister($i: RegisterInput!) {\n            register(input: $i) {\n              accessToken\n              user {\n                id\n                email\n                platformRole\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n              query OrgFlowContact($id: ID) {\n                organization(id: $id) {\n                  contactEmail\n                  members {\n                    role\n                  }\n                }\n              }\n            "): (typeof documents)["\n              query OrgFlowContact($id: ID) {\n                organization(id: $id) {\n                  contactEmail\n                  members {\n                    role\n                  }\n                }\n              }\n            "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation OrgFlowRequestVerification($id: ID!) {\n            requestVerification(organizationId: $id) {\n              verification\n            }\n          }\n        "): (typeof documents)["\n          mutation OrgFlowRequestVerification($id: ID!) {\n            requestVerification(organizationId: $id) {\n              verification\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation OrgFlowDecideVerification($id: ID!) {\n            decideVerification(organizationId: $id, approve: true, note: \"Registered charity 1182\") {\n              verification\n            }\n          }\n        "): (typeof documents)["\n          mutation OrgFlowDecideVerification($id: ID!) {\n            decideVerification(organizationId: $id, approve: true, note: \"Registered charity 1182\") {\n              verification\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query OrgFlowVerificationHistory($id: ID) {\n            organization(id: $id) {\n              verificationHistory {\n                fromStatus\n                toStatus\n                actorId\n                note\n              }\n            }\n          }\n        "): (typeof documents)["\n          query OrgFlowVerificationHistory($id: ID) {\n            organization(id: $id) {\n              verificationHistory {\n                fromStatus\n                toStatus\n                actorId\n                note\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query OrgFlowBySlug {\n            organization(slug: \"ghana-hometown-association-of-london\") {\n              id\n            }\n          }\n        "): (typeof documents)["\n          query OrgFlowBySlug {\n            organization(slug: \"ghana-hometown-association-of-london\") {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query OrgFlowTotal {\n            organizations {\n              totalCount\n            }\n          }\n        "): (typeof documents)["\n          query OrgFlowTotal {\n            organizations {\n              totalCount\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnershipsPropose($a: ID!, $b: ID!, $k: PartnershipKind!, $p: ID, $m: String) {\n    proposePartnership(initiatorId: $a, partnerId: $b, kind: $k, projectId: $p, message: $m) {\n      id\n      status\n      kind\n      initiator {\n        id\n      }\n      partner {\n        id\n      }\n      project {\n        id\n      }\n      message\n    }\n  }\n"): (typeof documents)["\n  mutation PartnershipsPropose($a: ID!, $b: ID!, $k: PartnershipKind!, $p: ID, $m: String) {\n    proposePartnership(initiatorId: $a, partnerId: $b, kind: $k, projectId: $p, message: $m) {\n      id\n      status\n      kind\n      initiator {\n        id\n      }\n      partner {\n        id\n      }\n      project {\n        id\n      }\n      message\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnershipsRespond($id: ID!, $accept: Boolean!) {\n    respondToPartnership(id: $id, accept: $accept) {\n      id\n      status\n      respondedAt\n    }\n  }\n"): (typeof documents)["\n  mutation PartnershipsRespond($id: ID!, $accept: Boolean!) {\n    respondToPartnership(id: $id, accept: $accept) {\n      id\n      status\n      respondedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PartnershipsEnd($id: ID!) {\n    endPartnership(id: $id) {\n      id\n      status\n      endedAt\n    }\n  }\n"): (typeof documents)["\n  mutation PartnershipsEnd($id: ID!) {\n    endPartnership(id: $id) {\n      id\n      status\n      endedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnershipsProjectPartners($id: ID!) {\n    project(id: $id) {\n      partners {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnershipsProjectPartners($id: ID!) {\n    project(id: $id) {\n      partners {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PartnershipsSuggestions($id: ID!) {\n    partnerSuggestions(organizationId: $id, first: 10) {\n      score\n      organization {\n        id\n        name\n      }\n      reasons {\n        factor\n        points\n        detail\n      }\n    }\n  }\n"): (typeof documents)["\n  query PartnershipsSuggestions($id: ID!) {\n    partnerSuggestions(organizationId: $id, first: 10) {\n      score\n      organization {\n        id\n        name\n      }\n      reasons {\n        factor\n        points\n        detail\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation PartnershipsCreateProject($i: ProjectInput!) {\n            createProject(input: $i) {\n              id\n            }\n          }\n        "): (typeof documents)["\n          mutation PartnershipsCreateProject($i: ProjectInput!) {\n            createProject(input: $i) {\n              id\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PartnershipsPublicView($id: ID) {\n          organization(id: $id) {\n            partnerships {\n              id\n            }\n          }\n        }\n      "): (typeof documents)["\n        query PartnershipsPublicView($id: ID) {\n          organization(id: $id) {\n            partnerships {\n              id\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PartnershipsSideView($id: ID) {\n          organization(id: $id) {\n            partnerships(status: PROPOSED) {\n              id\n            }\n          }\n        }\n      "): (typeof documents)["\n        query PartnershipsSideView($id: ID) {\n          organization(id: $id) {\n            partnerships(status: PROPOSED) {\n              id\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query PartnershipsHistory($id: ID) {\n          organization(id: $id) {\n            partnerships(status: ENDED) {\n              history {\n                fromStatus\n                toStatus\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query PartnershipsHistory($id: ID) {\n          organization(id: $id) {\n            partnerships(status: ENDED) {\n              history {\n                fromStatus\n                toStatus\n              }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProjectsFlowCreate($i: ProjectInput!) {\n    createProject(input: $i) {\n      id\n      title\n      status\n      kind\n      budget {\n        amount\n        currency\n      }\n      fundingSought {\n        amount\n        currency\n      }\n      startDate\n      endDate\n      countries {\n        code\n      }\n      themes {\n        code\n      }\n      sdgs {\n        number\n      }\n      organization {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ProjectsFlowCreate($i: ProjectInput!) {\n    createProject(input: $i) {\n      id\n      title\n      status\n      kind\n      budget {\n        amount\n        currency\n      }\n      fundingSought {\n        amount\n        currency\n      }\n      startDate\n      endDate\n      countries {\n        code\n      }\n      themes {\n        code\n      }\n      sdgs {\n        number\n      }\n      organization {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProjectsFlowRecord($i: ID!, $v: Float!, $d: Date!) {\n    recordMeasurement(indicatorId: $i, value: $v, measuredOn: $d, note: \"field survey\") {\n      id\n      value\n      measuredOn\n    }\n  }\n"): (typeof documents)["\n  mutation ProjectsFlowRecord($i: ID!, $v: Float!, $d: Date!) {\n    recordMeasurement(indicatorId: $i, value: $v, measuredOn: $d, note: \"field survey\") {\n      id\n      value\n      measuredOn\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectsFlowFind($s: String, $f: ProjectFilter) {\n    projects(search: $s, filter: $f, first: 50) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProjectsFlowFind($s: String, $f: ProjectFilter) {\n    projects(search: $s, filter: $f, first: 50) {\n      totalCount\n      nodes {\n        id\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation ProjectsFlowAddIndicator($p: ID!) {\n              addIndicator(projectId: $p, name: \"Hectares irrigated\", unit: \"ha\", baseline: 10, target: 50) {\n                id\n                progress\n              }\n            }\n          "): (typeof documents)["\n            mutation ProjectsFlowAddIndicator($p: ID!) {\n              addIndicator(projectId: $p, name: \"Hectares irrigated\", unit: \"ha\", baseline: 10, target: 50) {\n                id\n                progress\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query ProjectsFlowIndicators($id: ID!) {\n            project(id: $id) {\n              indicators {\n                name\n                progress\n                measurements {\n                  value\n                  measuredOn\n                  note\n                }\n              }\n            }\n          }\n        "): (typeof documents)["\n          query ProjectsFlowIndicators($id: ID!) {\n            project(id: $id) {\n              indicators {\n                name\n                progress\n                measurements {\n                  value\n                  measuredOn\n                  note\n                }\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n            mutation ProjectsFlowAddFlatIndicator($p: ID!) {\n              addIndicator(projectId: $p, name: \"Pumps\", unit: \"pumps\", baseline: 4, target: 4) {\n                id\n              }\n            }\n          "): (typeof documents)["\n            mutation ProjectsFlowAddFlatIndicator($p: ID!) {\n              addIndicator(projectId: $p, name: \"Pumps\", unit: \"pumps\", baseline: 4, target: 4) {\n                id\n              }\n            }\n          "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query ProjectsFlowProgress($id: ID!) {\n            project(id: $id) {\n              indicators {\n                progress\n              }\n            }\n          }\n        "): (typeof documents)["\n          query ProjectsFlowProgress($id: ID!) {\n            project(id: $id) {\n              indicators {\n                progress\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          query ProjectsFlowOrganizationProjects($id: ID) {\n            organization(id: $id) {\n              projects(first: 1) {\n                totalCount\n                nodes {\n                  id\n                }\n                pageInfo {\n                  hasNextPage\n                }\n              }\n            }\n          }\n        "): (typeof documents)["\n          query ProjectsFlowOrganizationProjects($id: ID) {\n            organization(id: $id) {\n              projects(first: 1) {\n                totalCount\n                nodes {\n                  id\n                }\n                pageInfo {\n                  hasNextPage\n                }\n              }\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n          mutation ProjectsFlowArchive($id: ID!) {\n            archiveProject(id: $id) {\n              archivedAt\n            }\n          }\n        "): (typeof documents)["\n          mutation ProjectsFlowArchive($id: ID!) {\n            archiveProject(id: $id) {\n              archivedAt\n            }\n          }\n        "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query ProjectsFlowArchived($id: ID!) {\n          project(id: $id) {\n            id\n            indicators {\n              measurements {\n                value\n              }\n            }\n          }\n        }\n      "): (typeof documents)["\n        query ProjectsFlowArchived($id: ID!) {\n          project(id: $id) {\n            id\n            indicators {\n              measurements {\n                value\n              }\n            }\n          }\n        }\n      "];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProviderOffersCreate($i: TrainingOfferInput!) {\n    createTrainingOffer(input: $i) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ProviderOffersCreate($i: TrainingOfferInput!) {\n    createTrainingOffer(input: $i) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ProviderOffersPublish($id: ID!) {\n    publishTrainingOffer(id: $id) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation ProviderOffersPublish($id: ID!) {\n    publishTrainingOffer(id: $id) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProviderOffersList($id: ID!) {\n    organization(id: $id) {\n      trainingOffers {\n        id\n        title\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query ProviderOffersList($id: ID!) {\n    organization(id: $id) {\n      trainingOffers {\n        id\n        title\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SmokeMe {\n    me {\n      id\n      email\n    }\n  }\n"): (typeof documents)["\n  query SmokeMe {\n    me {\n      id\n      email\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureRegister($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureRegister($input: RegisterInput!) {\n    register(input: $input) {\n      accessToken\n      refreshToken\n      user {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      user {\n        id\n        email\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureLogin($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      accessToken\n      refreshToken\n      user {\n        id\n        email\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureCreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureCreateOrganization($input: OrganizationInput!) {\n    createOrganization(input: $input) {\n      id\n      slug\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureInviteMember($o: ID!, $e: String!, $r: MemberRole!) {\n    inviteOrganizationMember(organizationId: $o, email: $e, role: $r) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureInviteMember($o: ID!, $e: String!, $r: MemberRole!) {\n    inviteOrganizationMember(organizationId: $o, email: $e, role: $r) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FixtureAcceptInvitation($i: AcceptMemberInvitationInput!) {\n    acceptMemberInvitation(input: $i) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation FixtureAcceptInvitation($i: AcceptMemberInvitationInput!) {\n    acceptMemberInvitation(input: $i) {\n      membership {\n        id\n        role\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FundFixtureCreate($i: FundInput!) {\n    createFund(input: $i) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation FundFixtureCreate($i: FundInput!) {\n    createFund(input: $i) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FundFixturePublish($id: ID!) {\n    publishFund(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation FundFixturePublish($id: ID!) {\n    publishFund(id: $id) {\n      id\n      status\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;