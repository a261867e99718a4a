import { PARAM_ARGS_METADATA } from '@nestjs/graphql';
import { GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * Whether the client selected `name` directly under the field being resolved (through fragments too),
 * e.g. `totalCount` under a connection: a service can then fetch it with the rows instead of later.
 * A field under `@skip`/`@include` counts as selected (it is then fetched and perhaps not sent).
 */
export function selectsField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet);
      const fragment = selection.name.value;
      if (seen.has(fragment)) return false;
      seen.add(fragment);
      return within(info.fragments[fragment]?.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
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
