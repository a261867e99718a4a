import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  applyPatch,
  assertCurrency,
  AuthUser,
  BadInputError,
  ConflictError,
  Page,
  paginate,
  rankKeys,
  requireId,
  requireTransition,
  SortKey,
  StateMachine,
  text,
  whereSearch,
} from '@app/common';
import {
  MANAGER_ROLES,
  Organization,
  OrganizationPolicy,
  PROVIDER_KINDS,
  ViewerAccess,
  Visibility,
} from '@app/organizations';
import { recordEvent } from '@app/events';
import { ReferenceDataService } from '@app/reference-data';
import {
  TRAINING_OFFER_REQUIRED_FIELDS,
  TrainingOffersArgs,
  TrainingOfferInput,
  UpdateTrainingOfferInput,
} from './capacity.inputs.js';
import { fillSeats, lockOffer, takenSeats } from './enrolment-seats.js';
import { TrainingFormat, TrainingOffer, TrainingStatus } from './training-offer.entity.js';

/** DRAFT → PUBLISHED (publishTrainingOffer). CANCELLED is a status no mutation sets today. */
const TRAINING_TRANSITIONS: StateMachine<TrainingStatus> = {
  [TrainingStatus.DRAFT]: [TrainingStatus.PUBLISHED],
  [TrainingStatus.PUBLISHED]: [],
  [TrainingStatus.CANCELLED]: [],
};

@Injectable()
export class TrainingOffersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policy: OrganizationPolicy,
    private readonly reference: ReferenceDataService,
  ) {}

  /** When enrolment closes: the application deadline, or the start when there is none. */
  static enrolmentClosesAt(offer: Pick<TrainingOffer, 'applicationDeadline' | 'startsAt'>): Date {
    return offer.applicationDeadline ?? offer.startsAt;
  }

  /** A DRAFT is unpublished; the other offers are published (OrganizationPolicy.isVisible decides who sees it). */
  static visibility(offer: Pick<TrainingOffer, 'status' | 'providerId'>): Visibility {
    return { published: offer.status !== TrainingStatus.DRAFT, owners: offer.providerId };
  }

  async get(id: string, access: ViewerAccess): Promise<TrainingOffer> {
    const offer = await this.dataSource.getRepository(TrainingOffer).findOneBy({ id: requireId(id, 'TrainingOffer') });
    return this.policy.requireVisible(offer, TrainingOffersService.visibility, access, 'TrainingOffer', id);
  }

  /** PUBLISHED offers; soonest first, or by relevance when searching. */
  list(args: TrainingOffersArgs): Promise<Page<TrainingOffer>> {
    const qb = this.dataSource
      .getRepository(TrainingOffer)
      .createQueryBuilder('t')
      .where('t.status = :published', { published: TrainingStatus.PUBLISHED });
    if (args.capacityAreas?.length) qb.andWhere('t.capacity_areas && :areas::text[]', { areas: args.capacityAreas });
    if (args.format) qb.andWhere('t.format = :format', { format: args.format });
    const keys: SortKey[] = whereSearch(qb, 't', args.search)
      ? rankKeys('t')
      : [
          { expr: 't.starts_at', direction: 'ASC', type: 'timestamp' },
          { expr: 't.id', direction: 'ASC', type: 'uuid' },
        ];
    return paginate(qb as SelectQueryBuilder<TrainingOffer>, keys, args);
  }

  async create(user: AuthUser, input: TrainingOfferInput): Promise<TrainingOffer> {
    requireId(input.providerId, 'Organization');
    await this.validate(input);
    return this.dataSource.transaction(async (manager) => {
      await this.requireProvider(user, input.providerId, manager, 'create training offers');
      return manager.save(
        manager.create(TrainingOffer, { ...this.fields(input), providerId: input.providerId, createdById: user.id }),
      );
    });
  }

  /**
   * Edits an offer (partially: the fields left out keep their values). Seats may not drop below the seats already taken; more seats on a published
   * offer move the oldest waitlisted enrolments up at once.
   */
  async update(user: AuthUser, id: string, patch: UpdateTrainingOfferInput): Promise<TrainingOffer> {
    requireId(id, 'TrainingOffer');
    await this.assertCodes(patch); // the codes it gives (the stored ones were checked when they were given)
    return this.dataSource.transaction(async (manager) => {
      const { offer } = await this.managed(manager, user, id, 'update training offers');
      const input = applyPatch(this.inputOf(offer), patch, {
        path: 'input',
        required: TRAINING_OFFER_REQUIRED_FIELDS,
      });
      this.assertConsistent(input);
      if (input.providerId !== offer.providerId)
        throw new BadInputError('input.providerId', text('errors.training.otherProvider'));
      if (offer.status === TrainingStatus.CANCELLED) throw new ConflictError(text('errors.training.cancelled'));
      const taken = await takenSeats(manager, offer.id);
      if (input.seats < taken) {
        throw new BadInputError('input.seats', text('errors.training.seatsTaken', { field: 'input.seats', taken }));
      }
      Object.assign(offer, this.fields(input));
      const saved = await manager.save(offer);
      if (saved.status === TrainingStatus.PUBLISHED) await fillSeats(manager, saved, user.id, taken);
      return saved;
    });
  }

  async publish(user: AuthUser, id: string): Promise<TrainingOffer> {
    requireId(id, 'TrainingOffer');
    return this.dataSource.transaction(async (manager) => {
      const { offer, provider } = await this.managed(manager, user, id, 'publish training offers');
      this.policy.requireVerifiedToPublish(provider, 'publish training offers');
      requireTransition(TRAINING_TRANSITIONS, 'a training offer', offer.status, TrainingStatus.PUBLISHED);
      if (TrainingOffersService.enrolmentClosesAt(offer).getTime() <= Date.now()) {
        throw new BadInputError(
          offer.applicationDeadline ? 'applicationDeadline' : 'startsAt',
          text('errors.training.enrolmentWouldBeClosed'),
        );
      }
      offer.status = TrainingStatus.PUBLISHED;
      offer.publishedAt = new Date();
      const saved = await manager.save(offer);
      await recordEvent(manager, {
        type: 'TRAINING_PUBLISHED',
        payload: { trainingOfferId: saved.id, providerId: saved.providerId, title: saved.title, actorId: user.id },
      });
      return saved;
    });
  }

  /** Locks an offer and checks the user is OWNER/ADMIN of its provider. Invisible drafts are NOT_FOUND. */
  private async managed(
    manager: EntityManager,
    user: AuthUser,
    id: string,
    action: string,
  ): Promise<{ offer: TrainingOffer; provider: Organization }> {
    const offer = await this.policy.requireVisibleTo(
      user,
      await lockOffer(manager, id),
      TrainingOffersService.visibility,
      'TrainingOffer',
      id,
      manager,
    );
    const { organization } = await this.requireProvider(user, offer.providerId, manager, action);
    return { offer, provider: organization };
  }

  private requireProvider(user: AuthUser, providerId: string, manager: EntityManager, action: string) {
    return this.policy.requireRole(user, providerId, { roles: MANAGER_ROLES, kinds: PROVIDER_KINDS, action }, manager);
  }

  private async validate(input: TrainingOfferInput) {
    await this.assertCodes(input);
    this.assertConsistent(input);
  }

  /** The codes an input (or an update's patch) gives: database look-ups, outside any transaction. */
  private async assertCodes(input: UpdateTrainingOfferInput) {
    await this.reference.assertLanguages('input.languages', input.languages);
    if (input.country) await this.reference.assertCountries('input.country', [input.country]);
    await this.reference.assertCountries('input.audienceCountriesOfResidence', input.audienceCountriesOfResidence);
    if (input.cost) assertCurrency('input.cost.currency', input.cost.currency);
  }

  /** The rules between fields, on the whole (patched) offer. */
  private assertConsistent(input: TrainingOfferInput) {
    if (input.format !== TrainingFormat.ONLINE && !input.country) {
      throw new BadInputError(
        'input.country',
        text('errors.training.countryRequired', { field: 'input.country', format: input.format }),
      );
    }
    if (input.endsAt && input.endsAt.getTime() <= input.startsAt.getTime()) {
      throw new BadInputError(
        'input.endsAt',
        text('validation.after', { field: 'input.endsAt', other: 'input.startsAt' }),
      );
    }
    if (input.applicationDeadline && input.applicationDeadline.getTime() > input.startsAt.getTime()) {
      throw new BadInputError(
        'input.applicationDeadline',
        text('validation.notAfter', { field: 'input.applicationDeadline', other: 'input.startsAt' }),
      );
    }
  }

  /** The stored offer in the shape of its input: what an update patches. */
  private inputOf(o: TrainingOffer): TrainingOfferInput {
    return {
      providerId: o.providerId,
      title: o.title,
      description: o.description,
      capacityAreas: o.capacityAreas,
      format: o.format,
      languages: o.languages,
      country: o.country,
      city: o.city,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      applicationDeadline: o.applicationDeadline,
      seats: o.seats,
      cost:
        o.costAmount === null || o.costCurrency === null
          ? null
          : { amount: Number(o.costAmount), currency: o.costCurrency },
      subsidyAvailable: o.subsidyAvailable,
      eligibleOrganizationKinds: o.eligibleOrganizationKinds,
      audienceCountriesOfResidence: o.audienceCountriesOfResidence,
      audienceRegions: o.audienceRegions,
      languageRequired: o.languageRequired,
    };
  }

  private fields(input: TrainingOfferInput): Partial<TrainingOffer> {
    return {
      title: input.title,
      description: input.description,
      capacityAreas: [...new Set(input.capacityAreas)],
      format: input.format,
      languages: [...new Set(input.languages)],
      country: input.country || null,
      city: input.city || null,
      startsAt: input.startsAt,
      endsAt: input.endsAt ?? null,
      applicationDeadline: input.applicationDeadline ?? null,
      seats: input.seats,
      costAmount: input.cost ? String(input.cost.amount) : null,
      costCurrency: input.cost ? input.cost.currency : null,
      subsidyAvailable: input.subsidyAvailable ?? false,
      eligibleOrganizationKinds: [...new Set(input.eligibleOrganizationKinds ?? [])],
      audienceCountriesOfResidence: [...new Set(input.audienceCountriesOfResidence ?? [])].sort(),
      audienceRegions: [...new Set(input.audienceRegions ?? [])].sort(),
      languageRequired: input.languageRequired ?? false,
    };
  }
}
