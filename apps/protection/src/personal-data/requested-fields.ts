import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a client selected under the field being resolved, through fragments and inline
 * fragments, in the order of `among` (only those names count). What the access log records as
 * read: the sub-selection actually requested, not every field the type has.
 */
export function requestedFields<Name extends string>(
  info: GraphQLResolveInfo,
  among: readonly Name[],
): Name[] {
  const seen = new Set<string>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      switch (selection.kind) {
        case Kind.FIELD:
          seen.add(selection.name.value);
          break;
        case Kind.INLINE_FRAGMENT:
          visit(selection.selectionSet);
          break;
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (visited.has(name)) break;
          visited.add(name);
          visit(info.fragments[name]?.selectionSet);
          break;
        }
      }
    }
  };
  // Several nodes when the same response key is selected more than once: their selections merge.
  for (const node of info.fieldNodes) visit(node.selectionSet);
  return among.filter((name) => seen.has(name));
}
