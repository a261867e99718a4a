import { Injectable } from '@nestjs/common';
import { getArgumentValues, type FieldNode, type GraphQLResolveInfo, isObjectType, type GraphQLField } from 'graphql';
import type { ObjectLiteral, Repository } from 'typeorm';
import { FieldSelection, fieldsOf, selectionAt } from '../graphql/selection.js';
import { Page, withLazyCount } from './connection.js';
import { entityRows, readsAsJson } from './entity-rows.js';
import { decodeCursor } from './keyset.js';
import { lazyCounts, NestedArgs, NestedList, NestedPageLoaders, pageOf, pageOfParent } from './nested.js';

/**
 * A nested list whose pages the statement of its parents' list can fetch too (a lookahead, as PostGraphile
 * and Join Monster compile a selection into one statement): the directory page's organizations and the first
 * projects of each, one statement instead of two. Registered by the domain that owns the nested list (its
 * resolver loads the same batch), used by the parents' list without knowing it.
 */
export interface NestedPrefetch {
  /** The parents' GraphQL type and the list's field on it, e.g. `Organization` and `projects`. */
  parentType: string;
  field: string;
  /** The rows' entity and the list: the same as the field resolver's batch (nestedPages). */
  repository: Repository<ObjectLiteral>;
  list: NestedList;
  /** The name of the batch the field's resolver loads (NestedPageLoaders.load). */
  batch: string;
  /** The batch's arguments as the resolver makes them from the field's arguments; throws where it would refuse them. */
  args: (fieldArgs: Record<string, unknown>, selection: FieldSelection) => NestedArgs;
}

/** What one statement of a list's page fetches for the nested lists under its nodes. */
export interface PrefetchPlan {
  /** SQL expressions selected with each parent row (`parentId`: SQL naming the parent's id), their values by `param`. */
  selects(parentId: string, param: (value: unknown) => string): Array<{ expr: string; as: string }>;
  /** Makes the pages of the parents' rows (`idOf` a row's parent id) and gives them to the request's loaders. */
  take(rows: ReadonlyArray<Record<string, unknown>>, idOf: (row: Record<string, unknown>) => string): void;
}

/** The registered nested lists (one registry per application). */
@Injectable()
export class NestedPrefetches {
  private readonly byField = new Map<string, NestedPrefetch>();

  register(prefetch: NestedPrefetch): void {
    this.byField.set(`${prefetch.parentType}.${prefetch.field}`, prefetch);
  }

  /**
   * What the statement of a connection's page (`info`: the connection field's) fetches with its nodes, or with
   * the object itself for a field of one entity (`path` []): each registered nested list selected once under
   * them, without directives, with arguments (and a cursor) its resolver takes and columns whose JSON reads as
   * the driver's values. Undefined when there is none: the nested lists then
   * load in their own batches, as always.
   */
  plan(
    info: GraphQLResolveInfo,
    loaders: NestedPageLoaders,
    path: readonly string[] = ['nodes'],
  ): PrefetchPlan | undefined {
    const at = selectionAt(info, path);
    if (!at || !isObjectType(at.type)) return undefined;
    const parentType = at.type;
    const selected = fieldsOf(at.sets, info);
    const wanted: Array<{ prefetch: NestedPrefetch; args: NestedArgs }> = [];
    for (const [name, prefetch] of this.byField) {
      if (!name.startsWith(`${parentType.name}.`)) continue;
      const fieldNodes = selected.filter((field) => field.name.value === prefetch.field);
      const definition = parentType.getFields()[prefetch.field];
      if (fieldNodes.length !== 1 || fieldNodes[0].directives?.length || !definition) continue;
      const args = argsOf(prefetch, definition, fieldNodes[0], info);
      if (args) wanted.push({ prefetch, args });
    }
    return wanted.length ? prefetchPlan(wanted, loaders) : undefined;
  }
}

/** The batch's arguments for the field as selected, or undefined where they are refused or the columns do not read as JSON. */
function argsOf(
  prefetch: NestedPrefetch,
  definition: GraphQLField<unknown, unknown>,
  node: FieldNode,
  info: GraphQLResolveInfo,
): NestedArgs | undefined {
  let args: NestedArgs;
  try {
    const fieldArgs = getArgumentValues(definition, node, info.variableValues);
    args = prefetch.args(fieldArgs, { fieldNodes: [node], fragments: info.fragments, returnType: definition.type });
    if (args.after) decodeCursor(args.after, prefetch.list.keys);
  } catch {
    return undefined; // its resolver refuses them, with the error at its own path
  }
  const { metadata } = prefetch.repository;
  const columns = args.columns
    ? args.columns.map((property) => metadata.findColumnWithPropertyName(property))
    : metadata.columns.filter((column) => column.isSelect);
  return columns.every((column) => column && readsAsJson(column)) ? args : undefined;
}

const ROWS = 'prefetch_rows__';
const COUNT = 'prefetch_count__';

function prefetchPlan(
  wanted: ReadonlyArray<{ prefetch: NestedPrefetch; args: NestedArgs }>,
  loaders: NestedPageLoaders,
): PrefetchPlan {
  return {
    selects(parentId, param) {
      return wanted.flatMap(({ prefetch, args }, i) => {
        const { page, rowsOfParent } = pageOfParent(
          prefetch.repository,
          prefetch.list,
          parentId,
          args,
          () => null,
          param,
        );
        // json_agg in the page's order (a sorted subquery's order is not promised to an aggregate)
        const order = prefetch.list.keys.map((key, k) => `x.sk_${k} ${key.direction}`).join(', ');
        const rows = { expr: `(SELECT json_agg(x ORDER BY ${order}) FROM (${page}) x)`, as: `${ROWS}${i}` };
        if (!args.count) return [rows];
        const from = prefetch.list.from;
        return [rows, { expr: `(SELECT count(*)::int FROM ${from} WHERE ${rowsOfParent})`, as: `${COUNT}${i}` }];
      });
    },
    take(rows, idOf) {
      wanted.forEach(({ prefetch, args }, i) => {
        const map = entityRows(prefetch.repository);
        const countOf = lazyCounts(prefetch.repository, prefetch.list, rows.map(idOf));
        const pages = new Map<string, Page<unknown>>();
        for (const row of rows) {
          const parentId = idOf(row);
          const page = pageOf(
            prefetch.list,
            (row[`${ROWS}${i}`] as Array<Record<string, unknown>>) ?? [],
            args.first,
            map,
          );
          // json_agg of no rows is NULL: an empty page
          pages.set(
            parentId,
            args.count
              ? { ...page, totalCount: Number(row[`${COUNT}${i}`]) }
              : withLazyCount(page, () => countOf(parentId)),
          );
        }
        loaders.prime(prefetch.batch, args, pages);
      });
    },
  };
}
