import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, ValidationError } from 'class-validator';
import { BadInputError } from '../errors/domain-error.js';
import { PageArgs } from '../pagination/connection.js';
import type { Text } from '../i18n/translate.js';
import { validationText } from './validation-text.js';

/** Per list-arguments class, the outcomes of values already checked: null (valid) or the first problem. */
const checked = new WeakMap<object, Map<string, Problem | null>>();

/** The bad field's path, the English message and the same sentence for any language. */
type Problem = [field: string, message: string, text: Text];
const MAX_CHECKED = 1_000;

/**
 * Validates every GraphQL argument object that carries class-validator rules and answers
 * BAD_USER_INPUT naming the first bad field by its path (e.g. "input.name"), in the request's language
 * (the error's `text`, see validation-text.ts).
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (!type || value === null || value === undefined || typeof value !== 'object') return value;
    if (!hasRules(type)) return value;
    const instance = plainToInstance(type, value) as object;
    // The arguments of a nested list are the same for every parent (and often across requests):
    // list arguments (PageArgs and its subclasses: page sizes, cursors, filters, never secrets) are
    // checked once per distinct value, not once per parent.
    const outcomes = type.prototype instanceof PageArgs || type === PageArgs ? outcomesOf(type) : null;
    const key = outcomes ? `${metadata.data ?? ''}\u0000${JSON.stringify(value)}` : '';
    let problem = outcomes?.get(key);
    if (problem === undefined) {
      const errors = await validate(instance, { forbidUnknownValues: false });
      problem = errors.length > 0 ? firstProblem(errors[0], metadata.data ? [metadata.data] : []) : null;
      if (outcomes) {
        if (outcomes.size >= MAX_CHECKED) outcomes.clear();
        outcomes.set(key, problem);
      }
    }
    if (problem) throw new BadInputError(problem[0], problem[1], {}, problem[2]);
    return instance;
  }
}

/** Whether a class carries class-validator rules (looked up once per class: it was a visible share of each request). */
const withRules = new WeakMap<object, boolean>();
function hasRules(type: object): boolean {
  let rules = withRules.get(type);
  if (rules === undefined) {
    rules = getMetadataStorage().getTargetValidationMetadatas(type as new () => unknown, '', true, false).length > 0;
    withRules.set(type, rules);
  }
  return rules;
}

function outcomesOf(type: object): Map<string, Problem | null> {
  let outcomes = checked.get(type);
  if (!outcomes) checked.set(type, (outcomes = new Map()));
  return outcomes;
}

function firstProblem(error: ValidationError, path: string[]): Problem {
  const here = [...path, error.property];
  if (error.constraints && Object.keys(error.constraints).length > 0) {
    const field = here.join('.');
    const message = Object.values(error.constraints)[0];
    const rest = message.startsWith(error.property) ? message.slice(error.property.length) : null;
    return [field, rest !== null ? `${field}${rest}` : `${field}: ${message}`, validationText(field, rest, message)];
  }
  if (error.children && error.children.length > 0) return firstProblem(error.children[0], here);
  const field = here.join('.');
  return [field, `${field} is invalid`, { key: 'validation.invalid', params: { field } }];
}
