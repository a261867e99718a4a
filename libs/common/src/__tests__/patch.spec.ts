import { applyPatch } from '../patch/patch.js';
import { BadInputError } from '../errors/domain-error.js';

describe('applyPatch', () => {
  const current = { name: 'Volta Farmers', city: 'Ho' as string | null, flags: ['a'], nested: { a: 1, b: 2 } };

  it('keeps the fields left out (undefined), sets the given ones, clears with null', () => {
    expect(applyPatch(current, { city: undefined, flags: ['b'] })).toEqual({ ...current, flags: ['b'] });
    expect(applyPatch(current, { city: null })).toEqual({ ...current, city: null });
    expect(applyPatch(current, {})).toEqual(current);
    expect(applyPatch(current, null)).toEqual(current);
  });

  it('does not change the current object', () => {
    const before = JSON.stringify(current);
    applyPatch(current, { name: 'Other', nested: { a: 5 } as typeof current.nested }, { nested: ['nested'] });
    expect(JSON.stringify(current)).toBe(before);
  });

  it('refuses null on a required field, naming it by its path', () => {
    expect(() => applyPatch(current, { name: null }, { path: 'input', required: ['name'] })).toThrow(BadInputError);
    try {
      applyPatch(current, { name: null }, { path: 'input', required: ['name'] });
    } catch (error) {
      expect((error as BadInputError).extensions).toEqual({ field: 'input.name' });
      expect((error as BadInputError).message).toMatch(/^input\.name must not be null/);
    }
  });

  it('patches a nested object field by field when asked, replaces it otherwise', () => {
    expect(applyPatch(current, { nested: { a: 5 } as never }, { nested: ['nested'] }).nested).toEqual({ a: 5, b: 2 });
    expect(applyPatch(current, { nested: { a: 5 } as never }).nested).toEqual({ a: 5 });
    expect(applyPatch(current, { nested: null }, { nested: ['nested'] }).nested).toBeNull();
  });
});
