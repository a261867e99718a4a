import { BadInputError } from '../errors/domain-error.js';
import { PageArgs } from '../pagination/connection.js';
import { InputValidationPipe } from '../validation/input-validation.pipe.js';

describe('InputValidationPipe on list arguments', () => {
  const pipe = new InputValidationPipe();
  const meta = { type: 'body' as const, metatype: PageArgs, data: undefined };

  it('answers the same refusal each time a bad value comes back (checked once, remembered)', async () => {
    for (let i = 0; i < 3; i++) {
      const refusal = await pipe.transform({ first: 0 }, meta).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(BadInputError);
      expect((refusal as BadInputError).message).toMatch(/^first must not be less than 1/);
    }
  });

  it('gives every caller its own instance of a valid value', async () => {
    const a = await pipe.transform({ first: 5, after: 'x' }, meta);
    const b = await pipe.transform({ first: 5, after: 'x' }, meta);
    expect(a).toBeInstanceOf(PageArgs);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    await expect(pipe.transform({ first: 101 }, meta)).rejects.toThrow(/first must not be greater than 100/);
  });
});
