import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import {
  getNullableType,
  GraphQLArgument,
  GraphQLInputType,
  GraphQLResolveInfo,
  isInputObjectType,
  isListType,
  isScalarType,
} from 'graphql';
import { Observable } from 'rxjs';
import { isUuid } from './ids.js';

/**
 * One id normalisation at the edge: every value the schema types as `ID` (an argument, a list
 * item, a field of an input object at any depth) that is a UUID reaches resolvers and services in
 * lower case, the form PostgreSQL returns and the loaders key by. Driven by the schema's types, so a
 * new ID argument cannot be forgotten (a service that ignored requireId's return value could).
 * Values that are not UUIDs pass unchanged: the services answer them NOT_FOUND.
 */
@Injectable()
export class IdNormalisationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType<GqlContextType>() === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<GraphQLResolveInfo>();
      const field = info?.parentType.getFields()[info.fieldName];
      const args = gql.getArgs<Record<string, unknown>>();
      if (field && args) normaliseArgs(field.args, args);
    }
    return next.handle();
  }
}

export function normaliseArgs(definitions: readonly GraphQLArgument[], args: Record<string, unknown>): void {
  for (const definition of definitions) {
    if (definition.name in args) args[definition.name] = normalise(definition.type, args[definition.name]);
  }
}

function normalise(type: GraphQLInputType, value: unknown): unknown {
  if (value === null || value === undefined) return value;
  const named = getNullableType(type);
  if (isListType(named)) {
    return Array.isArray(value) ? value.map((item) => normalise(named.ofType, item)) : normalise(named.ofType, value);
  }
  if (isScalarType(named)) return named.name === 'ID' && isUuid(value) ? value.toLowerCase() : value;
  if (isInputObjectType(named) && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    for (const field of Object.values(named.getFields())) {
      if (field.name in object) object[field.name] = normalise(field.type, object[field.name]);
    }
  }
  return value;
}
