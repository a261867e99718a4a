import { Kind } from 'graphql';
import { DateScalar } from '../scalars/date.scalar.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';

describe('DateTime scalar: strict ISO 8601, nothing rolled over or nulled', () => {
  it.each(['2027-01-31T12:00:00Z', '2027-01-31T12:00:00.123Z', '2027-01-31T14:00:00+02:00', '2028-02-29T00:00Z'])(
    'accepts %s',
    (value) => {
      expect(DateTimeScalar.parseValue(value)).toEqual(new Date(value));
    },
  );

  it.each([
    '2027-02-30T00:00:00Z',
    '2027-02-29T00:00:00Z',
    '2027-13-01T00:00:00Z',
    '2027-01-31T24:00:00Z',
    '2027-01-31',
    '2027-01-31T12:00:00',
    '0000-01-01T00:00:00Z',
    '-004714-01-01T00:00:00Z',
    '+275760-09-13T00:00:00Z',
    'tomorrow',
    '',
    true,
    20270101,
    null,
    {},
  ])('refuses %p with BAD_USER_INPUT', (value) => {
    expect(() => DateTimeScalar.parseValue(value)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }),
    );
  });

  it('refuses literals that are not strings instead of nulling them', () => {
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '20270101' })).toThrow(/ISO 8601/);
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.BOOLEAN, value: true })).toThrow(/ISO 8601/);
    expect(DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: '2027-01-31T12:00:00Z' })).toEqual(
      new Date('2027-01-31T12:00:00Z'),
    );
  });
});

describe('Date scalar: calendar dates only', () => {
  it.each(['2027-02-30', '0000-01-01', '0999-12-31', '2027-1-1', '2027-01-31T00:00:00Z', true, 20270101])(
    'refuses %p',
    (value) => {
      expect(() => DateScalar.parseValue(value)).toThrow(/YYYY-MM-DD/);
    },
  );

  it('accepts a real date and a leap day', () => {
    expect(DateScalar.parseValue('2028-02-29')).toBe('2028-02-29');
  });
});
