/**
 * The domain events that become background jobs after commit, with their payloads. A service
 * records one inside its transaction (`recordEvent(manager, { type, payload })`); processors
 * subscribe with `EventsService.handle(type, handler)`.
 */
export interface DomainEventPayloads {
  /** publishFund: DRAFT → OPEN. Fan-out: matching organizations' members (libs/notifications). */
  FUND_PUBLISHED: { fundId: string; funderId: string; actorId: string };
  /** proposePartnership. Notifies the partner's members. */
  PARTNERSHIP_PROPOSED: { partnershipId: string; initiatorId: string; partnerId: string; actorId: string };
  /** respondToPartnership: PROPOSED → ACTIVE | DECLINED. Notifies the initiator's members. */
  PARTNERSHIP_ANSWERED: {
    partnershipId: string;
    initiatorId: string;
    partnerId: string;
    status: 'ACTIVE' | 'DECLINED';
    actorId: string;
  };
  /** decideApplication: any decision of the funder. Notifies the applicant's members. */
  APPLICATION_DECIDED: {
    applicationId: string;
    fundId: string;
    organizationId: string;
    status: string;
    actorId: string;
  };
  /** applyToFund (not a draft) or submitApplication: a new application. Notifies the funder's OWNER/ADMIN. */
  APPLICATION_SUBMITTED: {
    applicationId: string;
    fundId: string;
    funderId: string;
    organizationId: string;
    actorId: string;
  };
  /** withdrawApplication of a submitted application (a withdrawn DRAFT tells nobody). Notifies the funder's OWNER/ADMIN. */
  APPLICATION_WITHDRAWN: {
    applicationId: string;
    fundId: string;
    funderId: string;
    organizationId: string;
    fromStatus: string;
    actorId: string;
  };
  /**
   * shortlistCandidate (libs/funds): the funder put an organization that has not applied on an OPEN
   * fund's shortlist. Invites the organization's members to apply.
   */
  CANDIDATE_SHORTLISTED: { fundId: string; funderId: string; organizationId: string; title: string; actorId: string };
  /** decideVerification: PENDING → VERIFIED | REJECTED. Notifies the organization's members. */
  VERIFICATION_DECIDED: {
    organizationId: string;
    status: 'VERIFIED' | 'REJECTED';
    note: string | null;
    actorId: string | null;
  };
  /**
   * publishTrainingOffer (libs/capacity). Organizations whose needs (capacity areas assessed at
   * level ≤ 2 in their latest assessment) the offer covers and whose kind it accepts.
   */
  TRAINING_PUBLISHED: { trainingOfferId: string; providerId: string; title: string; actorId: string };
  /** enrol: the enrolment is ACCEPTED at once. Notifies the enrolled organization's members. */
  ENROLMENT_ACCEPTED: { enrolmentId: string; trainingOfferId: string; organizationId: string; title: string };
  /** cancelEnrolment freed a seat: the oldest WAITLISTED enrolment became ACCEPTED. Notifies its organization's members. */
  ENROLMENT_PROMOTED: { enrolmentId: string; trainingOfferId: string; organizationId: string; title: string };
  /** A consultation's convener invited an organization (libs/dialogue). Notifies the invited organization's members. */
  INVITATION_RECEIVED: {
    invitationId: string;
    consultationId: string;
    organizationId: string;
    title: string;
    convenerId: string;
  };
  /** respondToInvitation changed an answer (→ ACCEPTED | DECLINED). Notifies the convener's members. */
  INVITATION_ANSWERED: {
    invitationId: string;
    consultationId: string;
    convenerId: string;
    organizationId: string;
    status: 'ACCEPTED' | 'DECLINED';
    title: string;
    actorId: string;
  };
  /**
   * The scheduled dialogue job (libs/dialogue, ConsultationDeadlinesService): a PENDING invitation to
   * an OPEN consultation closing within INVITATION_REMINDER_DAYS; once per invitation. Notifies the
   * invited organization's members.
   */
  INVITATION_REMINDER_DUE: {
    invitationId: string;
    consultationId: string;
    organizationId: string;
    title: string;
    closesAt: string;
  };
  /** submitContribution. Notifies the convener's members. */
  CONTRIBUTION_SUBMITTED: {
    contributionId: string;
    consultationId: string;
    convenerId: string;
    organizationId: string;
    title: string;
    actorId: string;
  };
  /**
   * closeConsultation (actorId: the convener's manager), or the dialogue job once closesAt passed
   * (actorId null); once per consultation. Notifies the participants (organizations that accepted an
   * invitation or contributed), each about its own organization.
   */
  CONSULTATION_CLOSED: {
    consultationId: string;
    convenerId: string;
    title: string;
    withOutcome: boolean;
    actorId: string | null;
  };
  /** publishConsultationOutcome on a CLOSED consultation. Notifies the participants. */
  CONSULTATION_OUTCOME_PUBLISHED: { consultationId: string; convenerId: string; title: string; actorId: string };
  /**
   * An organization's verification became PENDING: requestVerification, or a change of what a
   * VERIFIED organization's verification vouched for (note says which). Notifies the moderators.
   */
  VERIFICATION_REQUESTED: { organizationId: string; note: string | null; actorId: string };
  /**
   * The scheduled fund-deadlines job (libs/funds, FundDeadlinesService) closed an OPEN fund whose
   * deadline passed. Notifies the funder's managers. (closeFund by a manager records none.)
   */
  FUND_CLOSED: { fundId: string; funderId: string; title: string; deadline: string };
  /**
   * The fund-deadlines job found a DRAFT application to an OPEN fund whose deadline is less than
   * seven days away; recorded once per application. Notifies the applicant's members.
   */
  APPLICATION_DRAFT_REMINDER_DUE: {
    applicationId: string;
    fundId: string;
    organizationId: string;
    fundTitle: string;
    projectTitle: string;
    deadline: string;
  };
  /** A mail written to email_outbox inside the transaction (e.g. a member invitation); sent after commit. */
  EMAIL_QUEUED: { dedupeKey: string };
}

export type DomainEventType = keyof DomainEventPayloads;

export type DomainEvent<K extends DomainEventType = DomainEventType> = {
  [T in K]: { type: T; payload: DomainEventPayloads[T] };
}[K];

/** An event as a processor receives it. */
export interface DeliveredEvent<K extends DomainEventType = DomainEventType> {
  id: string;
  type: K;
  payload: DomainEventPayloads[K];
  createdAt: string;
}
