import { Button, Stack, Text } from '@mantine/core';
import type { RequestPolicy, TypedDocumentNode } from '@urql/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { Loading } from '../../components/Loading';

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

interface Props<D, T, V extends object> {
  query: TypedDocumentNode<D, V & { after?: string | null }>;
  /** The query's other variables (a change starts again from the first page). */
  variables?: V;
  /** The connection in the answer. */
  page: (data: D) => Page<T>;
  item: (node: T) => ReactNode;
  empty: string;
  /** urql's policy (default: its cache-first); a workspace list the user changes elsewhere wants cache-and-network. */
  requestPolicy?: RequestPolicy;
}

function OnePage<D, T, V extends object>({
  query,
  variables,
  page,
  item,
  empty,
  requestPolicy,
  after,
  isLast,
  onMore,
}: Props<D, T, V> & {
  after: string | null;
  isLast: boolean;
  onMore: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query, variables: { ...(variables as V), after }, requestPolicy });
  if (error && !data)
    return (
      <li>
        <Text c="red.8">{t('app.error', { message: error.message })}</Text>
      </li>
    );
  if (!data)
    return fetching ? (
      <li>
        <Loading />
      </li>
    ) : null;
  const { nodes, pageInfo } = page(data);
  if (!after && nodes.length === 0)
    return (
      <li>
        <Text>{empty}</Text>
      </li>
    );
  return (
    <>
      {nodes.map(item)}
      {isLast && pageInfo.hasNextPage && pageInfo.endCursor && (
        <li>
          <Button variant="default" onClick={() => onMore(pageInfo.endCursor!)}>
            {t('catalogue.more')}
          </Button>
        </li>
      )}
    </>
  );
}

/** A list with cursor paging (the public catalogues, a convener's consultations): each "More" keeps the pages above and adds the next one below. */
export function PagedList<D, T, V extends object = object>(props: Props<D, T, V>) {
  const key = JSON.stringify(props.variables ?? {});
  const [paged, setPaged] = useState<{ key: string; cursors: Array<string | null> }>({ key, cursors: [null] });
  const cursors = paged.key === key ? paged.cursors : [null];
  return (
    <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
      {cursors.map((after, i) => (
        <OnePage
          key={`${key}-${after ?? 'first'}`}
          {...props}
          after={after}
          isLast={i === cursors.length - 1}
          onMore={(cursor) => setPaged({ key, cursors: [...cursors, cursor] })}
        />
      ))}
    </Stack>
  );
}
