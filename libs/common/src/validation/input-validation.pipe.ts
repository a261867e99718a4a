import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validate, ValidationError } from 'class-validator';
import { BadInputError } from '../errors/domain-error.js';

/**
 * Validates every GraphQL argument object that carries class-validator rules and answers
 * BAD_USER_INPUT naming the first bad field by its path (e.g. "input.name").
 */
@Injectable()
export class InputValidationPipe implements PipeTransform {
  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.metatype;
    if (!type || value === null || value === undefined || typeof value !== 'object') return value;
    if (getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length === 0) return value;
    const instance = plainToInstance(type, value) as object;
    const errors = await validate(instance, { forbidUnknownValues: false });
    if (errors.length > 0) {
      const [field, message] = firstProblem(errors[0], metadata.data ? [metadata.data] : []);
      throw new BadInputError(field, message);
    }
    return instance;
  }
}

function firstProblem(error: ValidationError, path: string[]): [string, string] {
  const here = [...path, error.property];
  if (error.constraints && Object.keys(error.constraints).length > 0) {
    const field = here.join('.');
    const message = Object.values(error.constraints)[0];
    return [
      field,
      message.startsWith(error.property) ? `${field}${message.slice(error.property.length)}` : `${field}: ${message}`,
    ];
  }
  if (error.children && error.children.length > 0) return firstProblem(error.children[0], here);
  return [here.join('.'), `${here.join('.')} is invalid`];
}
