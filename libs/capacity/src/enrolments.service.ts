import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser, ConflictError, NotFoundError, requireId, requireTransition, StateMachine, text } from '@app/common';
import { MANAGER_ROLES, OrganizationPolicy, PROVIDER_KINDS, Visibility } from '@app/organizations';
import { recordEvent } from '@app/events';
import { isUniqueViolation, recordTransition } from '@app/persistence';
import { RateTrainingArgs } from './capacity.inputs.js';
import { Enrolment, EnrolmentEvent, EnrolmentStatus, LIVE_ENROLMENT_STATUSES } from './enrolment.entity.js';
import { fillSeats, lockEnrolment, lockOffer, takenSeats } from './enrolment-seats.js';
import { TrainingOffer, TrainingStatus } from './training-offer.entity.js';
import { assertTrainingAudience } from './training-audience.service.js';
import { TrainingOffersService } from './training-offers.service.js';

const DUPLICATE = text('errors.enrolment.duplicate');
/** docs/domain.md, "Trainings and enrolment": a freed seat moves WAITLISTED up; the provider completes. */
const ENROLMENT_TRANSITIONS: StateMachine<EnrolmentStatus> = {
  [EnrolmentStatus.APPLIED]: [EnrolmentStatus.CANCELLED],
  [EnrolmentStatus.ACCEPTED]: [EnrolmentStatus.COMPLETED, EnrolmentStatus.CANCELLED],
  [EnrolmentStatus.WAITLISTED]: [EnrolmentStatus.ACCEPTED, EnrolmentStatus.CANCELLED],
  [EnrolmentStatus.DECLINED]: [],
  [EnrolmentStatus.COMPLETED]: [],
  [EnrolmentStatus.CANCELLED]: [],
};

@Injectable()
export class EnrolmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
  ) {}

  /**
   * Never public: shared by the enrolled organization and the provider (OrganizationPolicy.isVisible:
   * their members and moderators see it).
   */
  static visibility(enrolment: Pick<Enrolment, 'organizationId'>, providerId: string): Visibility {
    return { published: false, owners: [enrolment.organizationId, providerId] };
  }

  /**
   * A member enrols their organization: ACCEPTED while seats are left, else WAITLISTED. Refused with
   * CONFLICT when the offer is not PUBLISHED or enrolment has closed (wrong state, like a closed
   * fund) or a live enrolment exists; with BAD_USER_INPUT (field organizationId) when the offer's
   * audience rules exclude the organization — its kind, where it is based, a required language (the
   * organization named does not qualify, like fund eligibility; the same SQL as trainingMatches).
   */
  async enrol(user: AuthUser, trainingId: string, organizationId: string): Promise<Enrolment> {
    requireId(trainingId, 'TrainingOffer');
    requireId(organizationId, 'Organization');
    try {
      return await this.dataSource.transaction(async (manager) => {
        const { organization } = await this.policy.requireRole(
          user,
          organizationId,
          { action: 'enrol in trainings' },
          manager,
        );
        const offer = await this.policy.requireVisibleTo(
          user,
          await lockOffer(manager, trainingId),
          TrainingOffersService.visibility,
          'TrainingOffer',
          trainingId,
          manager,
        );
        if (offer.status !== TrainingStatus.PUBLISHED)
          throw new ConflictError(text('errors.enrolment.notOpen', { status: offer.status }));
        if (TrainingOffersService.enrolmentClosesAt(offer).getTime() <= Date.now())
          throw new ConflictError(text('errors.enrolment.closed'));
        await assertTrainingAudience(manager, offer, organization);
        const live = await manager
          .getRepository(Enrolment)
          .createQueryBuilder('e')
          .where('e.training_id = :trainingId AND e.organization_id = :organizationId AND e.status IN (:...live)', {
            trainingId,
            organizationId,
            live: LIVE_ENROLMENT_STATUSES,
          })
          .getExists();
        if (live) throw new ConflictError(DUPLICATE);
        const status =
          (await takenSeats(manager, offer.id)) < offer.seats ? EnrolmentStatus.ACCEPTED : EnrolmentStatus.WAITLISTED;
        const enrolment = await manager.save(
          manager.create(Enrolment, { trainingId, organizationId, participantId: user.id, status }),
        );
        await recordTransition(manager, EnrolmentEvent, {
          enrolmentId: enrolment.id,
          actorId: user.id,
          from: null,
          to: status,
        });
        if (status === EnrolmentStatus.ACCEPTED) {
          await recordEvent(manager, {
            type: 'ENROLMENT_ACCEPTED',
            payload: { enrolmentId: enrolment.id, trainingOfferId: offer.id, organizationId, title: offer.title },
          });
        }
        return enrolment;
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_enrolment_live')) throw new ConflictError(DUPLICATE);
      throw error;
    }
  }

  /** Members of the enrolled organization cancel; a freed seat goes to the oldest WAITLISTED in the same transaction. */
  cancel(user: AuthUser, id: string): Promise<Enrolment> {
    return this.transition(user, id, async (manager, enrolment, offer) => {
      await this.policy.requireRole(user, enrolment.organizationId, { action: 'cancel its enrolments' }, manager);
      requireTransition(ENROLMENT_TRANSITIONS, 'an enrolment', enrolment.status, EnrolmentStatus.CANCELLED);
      enrolment.cancelledAt = new Date();
      return {
        to: EnrolmentStatus.CANCELLED,
        after: async () => {
          await fillSeats(manager, offer, user.id);
        },
      };
    });
  }

  /** OWNER/ADMIN of the provider mark an ACCEPTED enrolment COMPLETED. */
  complete(user: AuthUser, id: string): Promise<Enrolment> {
    return this.transition(user, id, async (manager, enrolment, offer) => {
      await this.policy.requireRole(
        user,
        offer.providerId,
        { roles: MANAGER_ROLES, kinds: PROVIDER_KINDS, action: 'complete enrolments' },
        manager,
      );
      requireTransition(ENROLMENT_TRANSITIONS, 'an enrolment', enrolment.status, EnrolmentStatus.COMPLETED);
      enrolment.completedAt = new Date();
      return { to: EnrolmentStatus.COMPLETED };
    });
  }

  /** Members of the enrolled organization rate once, 1..5, only after COMPLETED (CONFLICT otherwise). */
  async rate(user: AuthUser, args: RateTrainingArgs): Promise<Enrolment> {
    requireId(args.enrolmentId, 'Enrolment');
    return this.dataSource.transaction(async (manager) => {
      const enrolment = await this.visible(manager, user, args.enrolmentId);
      await this.policy.requireRole(user, enrolment.organizationId, { action: 'rate its trainings' }, manager);
      const locked = await lockEnrolment(manager, enrolment.id);
      if (locked.status !== EnrolmentStatus.COMPLETED)
        throw new ConflictError(text('errors.enrolment.rateCompletedOnly', { status: locked.status }));
      if (locked.rating !== null) throw new ConflictError(text('errors.enrolment.alreadyRated'));
      locked.rating = args.rating;
      locked.comment = args.comment?.trim() || null;
      locked.ratedAt = new Date();
      return manager.save(locked);
    });
  }

  history(enrolmentId: string): Promise<EnrolmentEvent[]> {
    return this.dataSource
      .getRepository(EnrolmentEvent)
      .find({ where: { enrolmentId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Reads an enrolment the user may see (NOT_FOUND otherwise), without locks. */
  private async visible(
    manager: EntityManager,
    user: AuthUser,
    id: string,
  ): Promise<Enrolment & { providerId: string }> {
    const enrolment = await manager.findOneBy(Enrolment, { id });
    if (!enrolment) throw new NotFoundError('Enrolment', id);
    const offer = await manager.findOneByOrFail(TrainingOffer, { id: enrolment.trainingId });
    await this.policy.requireVisibleTo(
      user,
      enrolment,
      (e) => EnrolmentsService.visibility(e, offer.providerId),
      'Enrolment',
      id,
      manager,
    );
    return Object.assign(enrolment, { providerId: offer.providerId });
  }

  /** Locks the offer, then the enrolment (the seat lock order), applies one transition and records it. */
  private async transition(
    user: AuthUser,
    id: string,
    decide: (
      manager: EntityManager,
      enrolment: Enrolment,
      offer: TrainingOffer,
    ) => Promise<{ to: EnrolmentStatus; after?: () => Promise<void> }>,
  ): Promise<Enrolment> {
    requireId(id, 'Enrolment');
    return this.dataSource.transaction(async (manager) => {
      const seen = await this.visible(manager, user, id);
      const offer = (await lockOffer(manager, seen.trainingId)) as TrainingOffer;
      const enrolment = await lockEnrolment(manager, id);
      const from = enrolment.status;
      const { to, after } = await decide(manager, enrolment, offer);
      enrolment.status = to;
      const saved = await manager.save(enrolment);
      await recordTransition(manager, EnrolmentEvent, { enrolmentId: saved.id, actorId: user.id, from, to });
      if (after) await after();
      return saved;
    });
  }
}
