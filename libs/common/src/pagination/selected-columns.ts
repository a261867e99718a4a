import { FieldNode, GraphQLObjectType, isObjectType } from 'graphql';
import type { ObjectLiteral, Repository } from 'typeorm';
import { FieldSelection, fieldsOf, selectionAt, selectsField } from '../graphql/selection.js';

type EntityClass = abstract new (...args: never[]) => object;

/** For each entity, what its GraphQL fields computed by a resolver read of the row (besides its id). */
const reads = new WeakMap<object, Map<string, readonly string[]>>();

/**
 * Declares what a field resolver of `entity` reads of its parent row (entity properties; the id is always
 * there), e.g. `@Reads(Organization, 'countriesOfOrigin')`, or `@Reads(Organization)` for one that needs
 * only the id. A list whose selection has only plain columns and declared fields selects just those
 * columns (selectedColumns); a field with a resolver and no declaration makes it select every column, as
 * before. The field is the method's name (as `@ResolveField` names it).
 */
export function Reads(entity: EntityClass, ...properties: string[]): MethodDecorator {
  return (_target, key) => {
    let fields = reads.get(entity);
    if (!fields) reads.set(entity, (fields = new Map()));
    fields.set(String(key), properties);
  };
}

/**
 * The entity properties a list of `repository`'s entities must read for what the client selected under
 * the list's field (`nodes` of a connection, or the list itself with `path: []`): the columns selected by
 * name, what selected resolver fields declare (`Reads`), and the primary key. Undefined (read every
 * column) when a selected field is neither. PostGraphile reads only what is asked for; reading every
 * column of 50 organizations and 250 projects cost a directory page a quarter of its CPU in parsing and
 * hydration, the database its output functions.
 */
export function selectedColumns(
  repository: Repository<ObjectLiteral>,
  info: FieldSelection,
  path: readonly string[] = ['nodes'],
): string[] | undefined {
  const at = selectionAt(info, path);
  if (!at || !isObjectType(at.type)) return undefined;
  const { sets, type } = at;
  const { metadata } = repository;
  const declared = reads.get(metadata.target as object);
  const wanted = new Set(metadata.primaryColumns.map((column) => column.propertyName));
  for (const field of fieldsOf(sets, info)) {
    const properties = propertiesOf(field.name.value, type, declared, (name) =>
      Boolean(metadata.findColumnWithPropertyName(name)?.isSelect),
    );
    if (!properties) return undefined;
    properties.forEach((property) => wanted.add(property));
  }
  return [...wanted];
}

/**
 * The name of the resolver Nest gives every plain `@Field()` (it reads the parent's property of the field's
 * name, or gives the field's default value); any other resolver is a field resolver of a resolver class. A
 * field without a resolver (an entity's column read inline by compiled operations: apps/api's
 * inline-columns.ts) is plain too. Should Nest rename it, every plain field would count as a resolver field:
 * lists would read every column again and no field would be read inline (test/compiled-execution.e2e-spec.ts
 * checks both).
 */
export const NEST_PROPERTY_READER = 'rootFieldResolver';

/** What one selected field reads of the row: a plain field its column, a field resolver what it declares. */
function propertiesOf(
  name: string,
  type: GraphQLObjectType,
  declared: Map<string, readonly string[]> | undefined,
  isColumn: (name: string) => boolean,
): readonly string[] | undefined {
  if (name === '__typename') return [];
  const field = type.getFields()[name];
  if (!field) return undefined;
  if (field.resolve && field.resolve.name !== NEST_PROPERTY_READER) return declared?.get(name);
  return isColumn(name) ? [name] : undefined;
}

/** What a connection's resolver knows of its selection: whether `totalCount` is asked for, which columns its nodes read. */
export interface PageSelection {
  readonly count: boolean;
  readonly columns?: readonly string[];
}

const selections = new WeakMap<FieldNode, Map<object, PageSelection>>();

/**
 * The PageSelection of a connection field of `repository`'s entities (`nodes { … }`, `totalCount`). Kept per
 * field of the parsed document (a nested list's resolver asks it once per parent: 50 times on a directory page).
 */
export function pageSelection(repository: Repository<ObjectLiteral>, info: FieldSelection): PageSelection {
  const node = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  let byEntity = node ? selections.get(node) : undefined;
  const known = byEntity?.get(repository.metadata);
  if (known) return known;
  const made: PageSelection = Object.freeze({
    count: selectsField(info, 'totalCount'),
    columns: selectedColumns(repository, info),
  });
  if (node) {
    if (!byEntity) selections.set(node, (byEntity = new Map()));
    byEntity.set(repository.metadata, made);
  }
  return made;
}
