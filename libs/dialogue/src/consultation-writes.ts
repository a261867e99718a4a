import { EntityManager } from 'typeorm';
import { NotFoundError } from '@app/common';
import { recordEvents } from '@app/events';
import { Consultation, ConsultationInvitation } from './consultation.entity.js';

/*
 * The steps the dialogue services share (consultations, invitations, contributions). A write that
 * depends on a consultation's status locks its row first: FOR UPDATE to change it or its
 * invitations, FOR SHARE to add to it (a contribution never lands after a concurrent close commits).
 */

export type ConsultationLock = 'pessimistic_write' | 'pessimistic_read';

/** The consultation, its row locked; NOT_FOUND if there is none. */
export async function lockConsultation(
  manager: EntityManager,
  id: string,
  lock: ConsultationLock,
): Promise<Consultation> {
  const c = await manager
    .getRepository(Consultation)
    .createQueryBuilder('c')
    .setLock(lock)
    .where('c.id = :id', { id })
    .getOne();
  if (!c) throw new NotFoundError('Consultation', id);
  return c;
}

/**
 * Tells invited organizations (INVITATION_RECEIVED, after commit). Invitations to a DRAFT wait
 * until it opens: before that the invitees could not see it.
 */
export async function announceInvitations(
  manager: EntityManager,
  c: Consultation,
  invitations: ConsultationInvitation[],
): Promise<void> {
  await recordEvents(
    manager,
    invitations.map((invitation) => ({
      type: 'INVITATION_RECEIVED' as const,
      payload: {
        invitationId: invitation.id,
        consultationId: c.id,
        organizationId: invitation.organizationId,
        title: c.title,
        convenerId: c.convenerId,
      },
    })),
  );
}
