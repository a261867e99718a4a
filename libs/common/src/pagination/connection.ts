import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { BadInputError } from '../errors/domain-error.js';
import { text } from '../i18n/translate.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: PageInfo;
  /** A promise when counted lazily (only if a client selects it: see withLazyCount). */
  totalCount: number | Promise<number>;
}

/**
 * A page whose `totalCount` is counted only when read (GraphQL reads it only when a client selects
 * it), once.
 */
export function withLazyCount<T>(page: Omit<Page<T>, 'totalCount'>, count: () => Promise<number>): Page<T> {
  let counted: Promise<number> | undefined;
  // a new literal with its getter (an own, enumerable property, as spreads of pages expect): defining the
  // property on the page afterwards gave each page a slow shape of its own
  return {
    nodes: page.nodes,
    pageInfo: page.pageInfo,
    get totalCount() {
      return (counted ??= count());
    },
  };
}

/** A Relay-style connection type: `nodes`, `pageInfo`, `totalCount`. */
export function Connection<T>(classRef: Type<T>, name = `${classRef.name}Connection`): Type<Page<T>> {
  @ObjectType(name)
  abstract class ConnectionType implements Page<T> {
    @Field(() => [classRef])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionType as unknown as Type<Page<T>>;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first?: number;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  after?: string;
}

/** Checks a bare `first` argument (for lists that are not connections). */
export function pageSize(first: number | null | undefined, field = 'first', max = MAX_PAGE_SIZE): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadInputError(field, text('validation.integerBetween', { field, min: 1, max }));
  }
  return first;
}

/** PageArgs as the validation pipe checks them, for a resolver GraphQL calls directly (`Direct`). */
export function checkedPageArgs(args: { first?: number | null; after?: string | null }): PageArgs {
  const { first, after } = args;
  pageSize(first); // throws for a size out of range
  if (after !== undefined && after !== null && after.length > 1000) {
    throw new BadInputError('after', text('validation.notACursor', { field: 'after' }));
  }
  return { first: first ?? undefined, after: after ?? undefined };
}
