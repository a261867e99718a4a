import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

/**
 * Runs each operation as JavaScript compiled for it (graphql-jit) instead of graphql-js's interpreter, which
 * walks the selection, looks up each field's definition and resolves its arguments again for every object
 * of every list. A page of 50 organizations runs ~2,000 fields: graphql-js's walk was ~15 % of its CPU.
 *
 * The compiled function is kept with the document Apollo parsed and validated (its document store returns
 * the same object for the same query text), so it is compiled once per distinct operation, when it comes the
 * second time (GRAPHQL_COMPILE_AFTER): a document sent once (an explorer's, or a flood of distinct ones) costs no compilation and runs
 * on graphql-js, as does an operation the compiler does not take. Subscriptions do not come here (graphql-ws
 * runs them).
 *
 * Apollo Server takes another executor only from a "gateway": this one hands it the schema Nest built and
 * the executor, nothing else.
 */
export function compiledExecutionGateway(
  schema: () => GraphQLSchema,
  compileAfter = 2,
  /** Readies the schema Nest built for compiled code (inline-columns.ts), before the first operation. */
  prepare: (schema: GraphQLSchema) => void = () => {},
): GatewayInterface {
  let listener: ((context: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => (listener = undefined);
    },
    async load() {
      const built = schema();
      prepare(built);
      listener?.({ apiSchema: built, coreSupergraphSdl: '' });
      return { executor: compiledExecutor(built, compileAfter) };
    },
    async stop() {},
  };
}

/**
 * `compileAfter`: the use of a document at which it is compiled (2: the second); `onCompile`: told of each
 * compilation (tests).
 */
export function compiledExecutor(
  schema: GraphQLSchema,
  compileAfter = 2,
  onCompile: (operationName: string | undefined) => void = () => {},
): GatewayExecutor {
  /** Per document and operation: its compiled query, null (runs on graphql-js), or how often it came so far. */
  const compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null | number>>();
  /** The operation's compiled query; null when it runs on graphql-js (used fewer times, or refused by the compiler). */
  const compile = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    let byName = compiled.get(document);
    if (!byName) compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const known = byName.get(key);
    if (known === null || typeof known === 'object') return known;
    const uses = (known ?? 0) + 1;
    if (uses < compileAfter) {
      byName.set(key, uses);
      return null;
    }
    onCompile(operationName);
    const result = compileQuery(schema, document, operationName);
    const query = isCompiledQuery(result) ? result : null;
    byName.set(key, query);
    return query;
  };
  return async (request: GatewayGraphQLRequestContext) => {
    const { document, context } = request;
    const operationName = request.operationName ?? undefined;
    const variables = request.request.variables ?? {};
    const query = compile(document, operationName);
    const result = query
      ? await query.query(undefined, context, variables)
      : await execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    return result as ExecutionResult as never;
  };
}
