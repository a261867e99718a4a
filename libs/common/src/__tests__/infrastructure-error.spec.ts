import { GraphQLError } from 'graphql';
import { formatGraphQLError, isInfrastructureError, isStatementTimeout } from '../errors/index.js';

/** Shapes seen with pg 8 / pg-pool / TypeORM against a stopped, restarting or full PostgreSQL (test/faults.e2e-spec.ts). */
const typeormWrapped = (driverError: object) => Object.assign(new Error('query failed'), { driverError });
const plain = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('infrastructure failures are told apart from bugs', () => {
  it.each([
    ['admin shutdown', typeormWrapped(plain('terminating connection due to administrator command', '57P01'))],
    ['a crash-like stop', typeormWrapped(plain('Connection terminated unexpectedly'))],
    [
      'a refused connection (a plain, possibly cross-realm object)',
      { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5' },
    ],
    ['a server starting up', plain('the database system is starting up', '57P03')],
    ['a connect time-out', plain('Connection terminated due to connection timeout')],
    ['an exhausted pool', plain('timeout exceeded when trying to connect')],
    ['too many clients', plain('sorry, too many clients already', '53300')],
    ['a connection exception class', plain('connection failure', '08006')],
    ['a closed client', plain('Client was closed and is not queryable')],
    ['a statement time-out', typeormWrapped(plain('canceling statement due to statement timeout', '57014'))],
    ['an error wrapped in cause', new Error('outer', { cause: plain('x', 'ECONNRESET') })],
  ])('%s is an infrastructure failure', (_name, error) => {
    expect(isInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', typeormWrapped(plain('duplicate key', '23505'))],
    ['invalid text', typeormWrapped(plain('invalid input syntax for type uuid', '22P02'))],
    ['a type error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing', undefined],
  ])('%s is not', (_name, error) => {
    expect(isInfrastructureError(error)).toBe(false);
  });

  it('knows a statement time-out from an outage', () => {
    expect(isStatementTimeout(typeormWrapped(plain('canceling statement', '57014')))).toBe(true);
    expect(isStatementTimeout(plain('connect ECONNREFUSED', 'ECONNREFUSED'))).toBe(false);
  });

  it('formats an outage as SERVICE_UNAVAILABLE with a retry time and nothing of the driver', () => {
    const error = new GraphQLError('connect ECONNREFUSED 10.0.0.5:5432', {
      path: ['organizations'],
      originalError: plain('connect ECONNREFUSED 10.0.0.5:5432', 'ECONNREFUSED'),
    });
    const formatted = formatGraphQLError({ message: error.message, path: ['organizations'] }, error);
    expect(formatted.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(formatted.message).not.toMatch(/ECONNREFUSED|10\.0\.0\.5/);
  });
});
