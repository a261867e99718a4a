import { listOr, requireTransition, StateMachine, TransitionError } from '../errors/index.js';

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

function catchError(run: () => void): TransitionError {
  try {
    run();
  } catch (error) {
    if (error instanceof TransitionError) return error;
    throw error;
  }
  throw new Error('expected a TransitionError');
}
