import { graphql } from '../../gql';

export const GovernmentMemberships = graphql(`
  query GovernmentMemberships {
    me {
      id
      memberships {
        id
        role
        organization {
          id
          slug
          name
          kind
        }
      }
    }
  }
`);

export const FinderReference = graphql(`
  query FinderReference {
    countries {
      code
      name
    }
    themes {
      code
      name
    }
    languages {
      code
      name
    }
  }
`);

export const Counterparts = graphql(`
  query Counterparts($query: CounterpartQuery!, $first: Int) {
    dialogueCounterparts(query: $query, first: $first) {
      score
      reasons {
        factor
        points
        detail
      }
      organization {
        id
        slug
        name
        kind
        verification
        womenLed
        youthLed
        countriesOfOrigin {
          code
          name
        }
        countriesOfResidence {
          code
          name
        }
      }
    }
  }
`);

export const ConvenerConsultations = graphql(`
  query ConvenerConsultations($convenerId: ID!, $after: String) {
    consultations(convenerId: $convenerId, first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title
        status
        level
        closesAt
        createdAt
        invitations {
          id
          status
        }
        contributions {
          id
        }
      }
    }
  }
`);

export const PublicConsultations = graphql(`
  query PublicConsultations($openOnly: Boolean, $after: String) {
    consultations(openOnly: $openOnly, first: 20, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      nodes {
        id
        title
        status
        level
        closesAt
        convener {
          id
          slug
          name
        }
      }
    }
  }
`);

export const CreateConsultation = graphql(`
  mutation CreateConsultation($input: ConsultationInput!) {
    createConsultation(input: $input) {
      id
      status
    }
  }
`);

export const ConsultationDetails = graphql(`
  query ConsultationDetails($id: ID!) {
    consultation(id: $id) {
      id
      title
      description
      level
      status
      acceptsContributions
      opensAt
      closesAt
      openedAt
      closedAt
      createdAt
      outcomeSummary
      outcomePublishedAt
      convener {
        id
        slug
        name
      }
      themes {
        code
        name
      }
      countriesOfOrigin {
        code
        name
      }
      country {
        code
        name
      }
      invitations {
        id
        status
        createdAt
        respondedAt
        reason
        organization {
          id
          slug
          name
          kind
        }
      }
      contributions {
        id
        body
        createdAt
        organization {
          id
          slug
          name
        }
      }
    }
  }
`);

export const OpenConsultation = graphql(`
  mutation OpenConsultation($id: ID!) {
    openConsultation(id: $id) {
      id
      status
      openedAt
    }
  }
`);

export const CloseConsultation = graphql(`
  mutation CloseConsultation($id: ID!, $outcomeSummary: String) {
    closeConsultation(id: $id, outcomeSummary: $outcomeSummary) {
      id
      status
      closedAt
      outcomeSummary
    }
  }
`);

export const PublishOutcome = graphql(`
  mutation PublishConsultationOutcome($id: ID!, $outcomeSummary: String!) {
    publishConsultationOutcome(id: $id, outcomeSummary: $outcomeSummary) {
      id
      outcomeSummary
      outcomePublishedAt
    }
  }
`);

export const InviteToConsultation = graphql(`
  mutation InviteToConsultation($consultationId: ID!, $organizationIds: [ID!]!, $reason: String) {
    inviteToConsultation(consultationId: $consultationId, organizationIds: $organizationIds, reason: $reason) {
      id
      status
    }
  }
`);

export const RespondToInvitation = graphql(`
  mutation RespondToConsultationInvitation($id: ID!, $accept: Boolean!) {
    respondToInvitation(id: $id, accept: $accept) {
      id
      status
    }
  }
`);

export const SubmitContribution = graphql(`
  mutation SubmitConsultationContribution($consultationId: ID!, $organizationId: ID!, $body: String!) {
    submitContribution(consultationId: $consultationId, organizationId: $organizationId, body: $body) {
      id
    }
  }
`);

export const ExportConsultation = graphql(`
  mutation ExportConsultationCsv($consultationId: ID!) {
    exportCsv(kind: CONSULTATION, params: { consultationId: $consultationId }) {
      url
    }
  }
`);

export const ConsultationActivity = graphql(`
  subscription ConsultationActivity {
    notificationAdded {
      id
      title
      link
    }
  }
`);
