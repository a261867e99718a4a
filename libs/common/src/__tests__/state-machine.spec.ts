import { listOr, localizedMessage, requireTransition, StateMachine, TransitionError } from '../errors/index.js';
import { text, translate } from '../i18n/translate.js';

const NBSP = '\u00a0';

type S = 'DRAFT' | 'OPEN' | 'CLOSED';
const MACHINE: StateMachine<S> = { DRAFT: ['OPEN', 'CLOSED'], OPEN: ['CLOSED'], CLOSED: [] };

describe('requireTransition, the one state-machine check', () => {
  it('lets allowed moves through', () => {
    expect(() => requireTransition(MACHINE, 'a fund', 'DRAFT', 'OPEN')).not.toThrow();
    expect(() => requireTransition(MACHINE, 'a fund', 'OPEN', 'CLOSED')).not.toThrow();
  });

  it('names the allowed next states in the message and in extensions.allowed', () => {
    const error = catchError(() => requireTransition(MACHINE, 'a fund', 'DRAFT', 'DRAFT'));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('A fund that is DRAFT can become OPEN or CLOSED; not DRAFT');
    expect(error.extensions).toEqual({ from: 'DRAFT', to: 'DRAFT', allowed: ['OPEN', 'CLOSED'] });
  });

  it('says a final status is final, with an empty allowed list', () => {
    const error = catchError(() => requireTransition(MACHINE, 'an application', 'CLOSED', 'OPEN'));
    expect(error.message).toBe('An application that is CLOSED is final: it cannot become OPEN');
    expect(error.extensions.allowed).toEqual([]);
  });

  it('leads with the reason when there is one', () => {
    const error = catchError(() => requireTransition(MACHINE, 'a fund', 'CLOSED', 'OPEN', 'The fund was closed'));
    expect(error.message).toBe('The fund was closed (a fund that is CLOSED is final: it cannot become OPEN)');
  });

  it('lists with commas and a final "or"', () => {
    expect(listOr(['A'])).toBe('A');
    expect(listOr(['A', 'B'])).toBe('A or B');
    expect(listOr(['UNDER_REVIEW', 'REJECTED', 'WITHDRAWN'])).toBe('UNDER_REVIEW, REJECTED or WITHDRAWN');
  });
});

describe('a refused move in the request’s language', () => {
  it('writes the subject, the allowed statuses and the refused one in French and Spanish; English as thrown', () => {
    const error = catchError(() =>
      requireTransition(
        { SUBMITTED: ['UNDER_REVIEW', 'REJECTED', 'WITHDRAWN'], AWARDED: [] } as StateMachine<string>,
        'an application',
        'SUBMITTED',
        'AWARDED',
      ),
    );
    expect(localizedMessage(error, 'en')).toBe(
      'An application that is SUBMITTED can become UNDER_REVIEW, REJECTED or WITHDRAWN; not AWARDED',
    );
    expect(localizedMessage(error, 'fr')).toBe(
      'Une candidature au statut SUBMITTED peut passer à UNDER_REVIEW, REJECTED ou WITHDRAWN, pas à AWARDED',
    );
    expect(localizedMessage(error, 'es')).toBe(
      'Una solicitud en estado SUBMITTED puede pasar a UNDER_REVIEW, REJECTED o WITHDRAWN; no a AWARDED',
    );
    // the catalogue's English is the thrown sentence
    expect(translate('en', error.text!.key, error.text!.params)).toBe(error.message);
  });

  it('says a final status is final in French, with the reason first when it has a text', () => {
    const final = catchError(() => requireTransition(MACHINE, 'a fund', 'CLOSED', 'OPEN'));
    expect(localizedMessage(final, 'fr')).toBe(
      `Un fonds au statut CLOSED ne peut plus changer de statut${NBSP}: impossible de passer à OPEN`,
    );
    const reason = text('errors.invitation.revoked');
    const withReason = catchError(() =>
      requireTransition(MACHINE, 'an invitation', 'CLOSED', 'OPEN', translate('en', reason.key), reason),
    );
    expect(withReason.message).toBe(
      'The invitation was revoked by the organization (an invitation that is CLOSED is final: it cannot become OPEN)',
    );
    expect(localizedMessage(withReason, 'es')).toBe(
      'La organización revocó la invitación (una invitación en estado CLOSED ya no puede cambiar de estado: no puede pasar a OPEN)',
    );
  });

  it('stays English when the subject or the reason has no catalogue entry', () => {
    const unknown = catchError(() => requireTransition(MACHINE, 'a gadget', 'CLOSED', 'OPEN'));
    expect(unknown.text).toBeUndefined();
    expect(localizedMessage(unknown, 'fr')).toBe('A gadget that is CLOSED is final: it cannot become OPEN');
    const untranslatedReason = catchError(() => requireTransition(MACHINE, 'a fund', 'CLOSED', 'OPEN', 'Closed'));
    expect(localizedMessage(untranslatedReason, 'fr')).toBe(untranslatedReason.message);
  });
});

function catchError(run: () => void): TransitionError {
  try {
    run();
  } catch (error) {
    if (error instanceof TransitionError) return error;
    throw error;
  }
  throw new Error('expected a TransitionError');
}
