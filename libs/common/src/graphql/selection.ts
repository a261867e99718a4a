import { PARAM_ARGS_METADATA } from '@nestjs/graphql';
import {
  FieldNode,
  getNamedType,
  GraphQLField,
  GraphQLNamedType,
  GraphQLResolveInfo,
  isObjectType,
  Kind,
  SelectionSetNode,
} from 'graphql';

/**
 * Whether the client selected `name` directly under the field being resolved (through fragments too),
 * e.g. `totalCount` under a connection: a service can then fetch it with the rows instead of later.
 * A field under `@skip`/`@include` counts as selected (it is then fetched and perhaps not sent).
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  return fieldsOf(
    info.fieldNodes.map((node) => node.selectionSet),
    info,
  ).some((field) => field.name.value === name);
}

/** What a resolver's info says of its field's selection and type. */
export type FieldSelection = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'returnType'>;

/**
 * The selection sets and the named type found by following `path` (field names, e.g. `['nodes']` under a
 * connection) from the field being resolved; undefined where a step is not a field of an object type.
 */
export function selectionAt(
  info: FieldSelection,
  path: readonly string[],
): { sets: Array<SelectionSetNode | undefined>; type: GraphQLNamedType } | undefined {
  let sets = info.fieldNodes.map((node) => node.selectionSet);
  let type: GraphQLNamedType | undefined = getNamedType(info.returnType);
  for (const step of path) {
    if (!isObjectType(type)) return undefined;
    sets = fieldsOf(sets, info)
      .filter((field) => field.name.value === step)
      .map((field) => field.selectionSet);
    const definition: GraphQLField<unknown, unknown> | undefined = type.getFields()[step];
    type = definition && getNamedType(definition.type);
  }
  return type && { sets, type };
}

/** The fields of selection sets, through fragments and inline fragments (whatever their type condition). */
export function fieldsOf(
  sets: ReadonlyArray<SelectionSetNode | undefined>,
  info: Pick<GraphQLResolveInfo, 'fragments'>,
): FieldNode[] {
  const fields: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        walk(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  sets.forEach(walk);
  return fields;
}

/**
 * A field resolver that GraphQL calls as it is, with `(parent, args, context, info)`: its `@Args()` and other
 * parameter decorators only declare the schema's arguments, and Nest puts no wrapper (param factories, pipes)
 * around each call. For a nested list resolved once per parent, that wrapper was a visible share of a page.
 * Nothing validates the arguments: the resolver checks them itself (`checkedPageArgs`).
 */
export function Direct(): MethodDecorator {
  // parameter decorators have run by then: their runtime metadata goes, their schema metadata stays
  return (target, key) => {
    Reflect.deleteMetadata(PARAM_ARGS_METADATA, target.constructor, key);
  };
}
