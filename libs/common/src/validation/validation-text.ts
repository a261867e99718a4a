import { MessageKey, Params, Text } from '../i18n/translate.js';

/**
 * The validation sentences the API writes (class-validator's and the inputs' own, after the field's
 * name) and their catalogue keys: a BAD_USER_INPUT of InputValidationPipe names the field in the
 * request's language. Numbers are read from the English sentence (`(\d+)` groups, in the order of
 * `names`); a sentence none of these matches keeps its English wording inside a localized one
 * (`validation.invalidBecause`).
 */
const PATTERNS: Array<[RegExp, MessageKey, string[]]> = [
  [/^ must be (?:at least|longer than or equal to) (\d+) characters$/, 'validation.minChars', ['min']],
  [/^ must be (?:at most|shorter than or equal to) (\d+) characters$/, 'validation.maxChars', ['max']],
  [/^ must not be empty$/, 'validation.empty', []],
  [/^ must not be negative$/, 'validation.negative', []],
  [/^ must be an integer between (-?[\d.]+) and (-?[\d.]+)$/, 'validation.integerBetween', ['min', 'max']],
  [/^ must be between (-?[\d.]+) and (-?[\d.]+)$/, 'validation.between', ['min', 'max']],
  [/^ must (?:be at least|not be less than) (-?[\d.]+)$/, 'validation.min', ['min']],
  [/^ must (?:be at most|not be greater than) (-?[\d.]+)$/, 'validation.max', ['max']],
  [/^ must not be before (-?[\d.]+)$/, 'validation.notBefore', ['min']],
  [/^ must be a string$/, 'validation.string', []],
  [/^ must be (?:an integer number|a whole number)$/, 'validation.integer', []],
  [/^ must be a number conforming to the specified constraints$/, 'validation.number', []],
  [/^ must be a boolean value$/, 'validation.boolean', []],
  [/^ must be a Date instance$/, 'validation.date', []],
  [/^ must (?:have at most|contain no more than) (\d+) (?:items|elements)$/, 'validation.maxItems', ['max']],
  [/^ must (?:have at least|contain at least) (\d+) (?:items|elements)$/, 'validation.minItems', ['min']],
  [/^ must (?:name|assess) at least one [\w ]+$/, 'validation.atLeastOne', []],
  [/^ must be (?:a valid e-mail address|an email)$/, 'validation.email', []],
  [/^ must be (?:an id|a UUID)$/, 'validation.id', []],
  [/^ must be (?:an http\(s\) URL|a URL address)$/, 'validation.url', []],
  [/^ must not be null \(leave it out to keep the current value\)$/, 'validation.notNull', []],
  [/^ must not be in the future$/, 'validation.future', []],
  [/^ must match .* regular expression$/, 'validation.format', []],
  [/^ is wrong$/, 'validation.wrong', []],
  [/^ is not a (?:valid link|registration) token$/, 'validation.token', []],
  [/^ is invalid$/, 'validation.invalid', []],
];
const ONE_OF = /^ must be one of (?:the following values: )?(.+)$/;

/**
 * The Text of a validation message about `field` (e.g. "input.name"): `rest` is what follows the
 * property's name in the English message (" must be at least 2 characters"), or null when the
 * message does not start with it (`message` is then quoted as it is).
 */
export function validationText(field: string, rest: string | null, message: string): Text {
  if (rest !== null) {
    for (const [pattern, key, names] of PATTERNS) {
      const match = pattern.exec(rest);
      if (!match) continue;
      const params: Record<string, string | number> = { field };
      names.forEach((name, i) => (params[name] = Number(match[i + 1])));
      return { key, params };
    }
    const oneOf = ONE_OF.exec(rest);
    if (oneOf) return { key: 'validation.oneOf', params: { field, values: oneOf[1] } };
  }
  const params: Params = { field, detail: rest === null ? message : rest.trim() };
  return { key: 'validation.invalidBecause', params };
}
