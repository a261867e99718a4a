import pg from 'pg';
import { parseInstant, parseTextArray, typeParsers, usual } from '../type-parsers.js';

const usualArray = usual(1009);
const usualInstant = usual(1184);

describe('type parsers: the direct paths give what node-postgres gives', () => {
  it('parses text arrays as postgres-array does', () => {
    const arrays = [
      '{}',
      '{SN}',
      '{SN,ML,GH}',
      '{EDUCATION,HEALTH}',
      '{NULL}',
      '{a,NULL,b}',
      '{"NULL"}',
      '{""}',
      '{"a,b",c}',
      '{"with space",x}',
      '{"quote \\" inside"}',
      '{"back\\\\slash"}',
      '{{a,b},{c,d}}',
      '{"{brace}"}',
      '[0:1]={a,b}',
      '{é,ü,日本}',
    ];
    for (const value of arrays) expect([value, parseTextArray(value)]).toEqual([value, usualArray(value)]);
  });

  it('parses timestamptz as postgres-date does, to the millisecond', () => {
    const instants = [
      '2026-11-29 20:49:24+00',
      '2026-11-29 20:49:24.1+00',
      '2026-11-29 20:49:24.123+00',
      '2026-11-29 20:49:24.123456+00',
      '2026-11-29 20:49:24.999999+00',
      '2026-02-28 23:59:59.001+00',
      '2024-02-29 00:00:00+00',
      '2026-11-29 20:49:24.5+05:30',
      '2026-11-29 20:49:24-03',
      '1999-12-31 23:59:59.009+00',
      '2026-06-01 12:00:00+01',
      '0099-01-01 00:00:00+00',
      '0001-01-01 00:00:00+00 BC',
      'infinity',
      '-infinity',
    ];
    for (const value of instants) {
      const ours = parseInstant(value);
      const usual = usualInstant(value);
      expect([value, ours instanceof Date ? ours.toISOString() : ours]).toEqual([
        value,
        usual instanceof Date ? usual.toISOString() : usual,
      ]);
    }
    // every millisecond of a second: the same rounding as postgres-date
    for (let ms = 0; ms < 1000; ms++) {
      const value = `2026-11-29 20:49:24.${String(ms).padStart(3, '0')}+00`;
      expect((parseInstant(value) as Date).getTime()).toBe((usualInstant(value) as Date).getTime());
    }
  });

  it('leaves every other type, and binary values, to node-postgres', () => {
    expect(typeParsers.getTypeParser(1009)).toBe(parseTextArray);
    expect(typeParsers.getTypeParser(1184)).toBe(parseInstant);
    expect(typeParsers.getTypeParser(23)).toBe(pg.types.getTypeParser(23, 'text'));
    expect(typeParsers.getTypeParser(1009, 'binary')).toBe(usual(1009, 'binary'));
  });
});
