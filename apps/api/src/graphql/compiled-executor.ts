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
  /** Told of the compiled operations once the schema is loaded (the known-operations path reads them). */
  loaded: (operations: CompiledOperations) => void = () => {},
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
      const operations = new CompiledOperations(built, compileAfter);
      loaded(operations);
      return { executor: operations.executor() };
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
  return new CompiledOperations(schema, compileAfter, onCompile).executor();
}

/**
 * Results already made for a request (by its HTTP request object, which Apollo's copy of the context keeps): a
 * known query run by the direct path whose answer has errors is handed to Apollo, which formats and answers it
 * without running the query again.
 */
const made = new WeakMap<object, ExecutionResult>();

/** Makes Apollo's executor answer the HTTP request `req` with `result` instead of running its operation. */
export function answerWith(req: object, result: ExecutionResult): void {
  made.set(req, result);
}

/** The operations compiled so far, per parsed document and operation name. */
export class CompiledOperations {
  /** Per document and operation: its compiled query, null (runs on graphql-js), or how often it came so far. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null | number>>();

  constructor(
    readonly schema: GraphQLSchema,
    private readonly compileAfter = 2,
    private readonly onCompile: (operationName: string | undefined) => void = () => {},
  ) {}

  /** The operation's compiled query, counting this use; null when it runs on graphql-js (used fewer times, or refused by the compiler). */
  use(document: DocumentNode, operationName: string | undefined): CompiledQuery | null {
    let byName = this.compiled.get(document);
    if (!byName) this.compiled.set(document, (byName = new Map()));
    const key = operationName ?? '';
    const known = byName.get(key);
    if (known === null || typeof known === 'object') return known;
    const uses = (known ?? 0) + 1;
    if (uses < this.compileAfter) {
      byName.set(key, uses);
      return null;
    }
    this.onCompile(operationName);
    const result = compileQuery(this.schema, document, operationName);
    const query = isCompiledQuery(result) ? result : null;
    byName.set(key, query);
    return query;
  }

  /** The operation's compiled query if it has been compiled, without counting a use. */
  peek(document: DocumentNode, operationName: string | undefined): CompiledQuery | undefined {
    const known = this.compiled.get(document)?.get(operationName ?? '');
    return known !== null && typeof known === 'object' ? known : undefined;
  }

  /** Apollo's executor: the compiled query, or graphql-js. */
  executor(): GatewayExecutor {
    const { schema } = this;
    return async (request: GatewayGraphQLRequestContext) => {
      const { document, context } = request;
      const req = (context as { req?: object }).req;
      const ready = req && made.get(req);
      if (ready) {
        made.delete(req);
        return ready as never;
      }
      // the name the client sent (Apollo's `operationName` is that of the operation it resolved, null when
      // none: the document's only operation would then run instead of graphql-js's "Unknown operation" error)
      const operationName = request.request.operationName ?? undefined;
      const variables = request.request.variables ?? {};
      const query = this.use(document, operationName);
      const result = query
        ? await query.query(undefined, context, variables)
        : await execute({ schema, document, contextValue: context, variableValues: variables, operationName });
      return result as ExecutionResult as never;
    };
  }
}
