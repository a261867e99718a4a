import { Injectable, Module } from '@nestjs/common';
import { getOperationAST, type DocumentNode, type ExecutionResult } from 'graphql';
import type { Request } from 'express';
import Negotiator from 'negotiator';
import type { CompiledOperations } from './compiled-executor.js';
import { CheckedOperations, forgetOldestHalf, type RequestHooks } from './request-plugins.js';

/** Query texts remembered (the oldest half is forgotten beyond it). */
const MAX_KNOWN = 1_000;
/** Accept headers remembered with the content type they get (the oldest half is forgotten beyond it). */
const MAX_ACCEPTS = 100;
/** The types of a single result Apollo chooses among (its chooseContentTypeForSingleResultResponse). */
const JSON_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json; charset=utf-8';
const SINGLE_RESULT_TYPES = [JSON_TYPE, GRAPHQL_RESPONSE_TYPE, 'application/json; callbackSpec=1.0; charset=utf-8'];

/**
 * Queries the API has answered before, answered again without Apollo Server's request pipeline.
 *
 * For a query sent again with the same text, the same operation and variables, Apollo's pipeline re-does work
 * whose outcome is known: hashing the text (SHA-256) to find its parsed document, negotiating the response
 * type, calling every plugin hook, building a request context of getters, serializing the answer with its
 * fields reordered. On `{ __typename }` that was a third of the API's CPU per request. Here, when
 * - the text is one Apollo validated and resolved to a query (remembered by `hooks()`, after validation),
 * - the operation (by name) is a query, compiled already (compiled-executor.ts),
 * - the operation limits passed for these variables and charge nothing (CheckedOperations, shared with
 *   the limits hook: a refused or charged operation is never remembered as free),
 * - no extension (persisted queries) is asked, the client accepts JSON or `application/graphql-response+json`
 *   (the portal's urql asks the latter first: the type is negotiated as Apollo does, with the same library),
 * the compiled query runs with a new request context and the answer is Apollo's (`{"data":…}`). An answer with
 * errors goes to Apollo with its result (answerWith), which formats, logs, translates and counts them and gives
 * the HTTP status, without running the query again. Anything else goes through Apollo from the start.
 */
@Injectable()
export class KnownOperations {
  /** The variables and cost checks' outcomes (operationLimitsHooks), by document. */
  readonly checked = new CheckedOperations();
  private compiled?: CompiledOperations;
  private readonly documents = new Map<string, DocumentNode>();
  /** The content type each Accept header gets (null: none Apollo answers a single result with). */
  private readonly accepts = new Map<string, string | null>();

  /** The compiled operations of the schema Apollo runs (set when the schema is loaded). */
  useCompiled(operations: CompiledOperations): void {
    this.compiled = operations;
  }

  /** The request plugin's part that remembers validated query documents by their text. */
  hooks(): RequestHooks {
    return {
      didResolveOperation: async ({ source, document, operation }) => {
        if (operation?.operation !== 'query' || this.documents.get(source) === document) return;
        if (this.documents.size >= MAX_KNOWN) forgetOldestHalf(this.documents);
        this.documents.set(source, document);
      },
    };
  }

  /**
   * A known query's answer (its JSON text, or its result with errors for Apollo to answer), or undefined: the
   * request then goes to Apollo. `context` makes the request's GraphQL context (the same as Apollo's).
   */
  async answer(req: Request, body: object, context: () => Promise<unknown>): Promise<KnownAnswer | undefined> {
    const { query, operationName, variables, extensions } = body as Record<string, unknown>;
    if (typeof query !== 'string' || extensions !== undefined || !this.compiled) return undefined;
    if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
    if (variables !== undefined && variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
      return undefined;
    }
    const contentType = this.contentType(req.headers.accept);
    if (!contentType) return undefined;
    const document = this.documents.get(query);
    if (!document) return undefined;
    const name = operationName ?? undefined;
    const given = (variables ?? undefined) as Record<string, unknown> | undefined;
    const operation = getOperationAST(document, name);
    if (operation?.operation !== 'query') return undefined;
    // as Apollo hands them to the limits hook: missing variables are not `{}` there
    if (this.checked.get(document, name, given) !== 0) return undefined;
    const compiled = this.compiled.peek(document, name);
    if (!compiled) return undefined;
    const contextValue = (await context()) as object;
    const result = await compiled.query(undefined, contextValue, given ?? {});
    if (result.errors?.length) return { contextValue, result };
    return {
      text: `${JSON.stringify(result.extensions ? { data: result.data, extensions: result.extensions } : { data: result.data })}\n`,
      contentType,
    };
  }

  /**
   * The type Apollo answers a single result with for this Accept header (JSON when there is none), or null when
   * it is none of the two answered here (the subscription callback's type is left to Apollo).
   */
  private contentType(accept: string | undefined): string | null {
    if (!accept) return JSON_TYPE;
    let type = this.accepts.get(accept);
    if (type === undefined) {
      const chosen = new Negotiator({ headers: { accept } }).mediaType(SINGLE_RESULT_TYPES);
      type = chosen === JSON_TYPE || chosen === GRAPHQL_RESPONSE_TYPE ? chosen : null;
      if (this.accepts.size >= MAX_ACCEPTS) forgetOldestHalf(this.accepts);
      this.accepts.set(accept, type);
    }
    return type;
  }
}

/**
 * A known query's answer: its JSON text and content type, or (with errors) the request's context and the result, for Apollo to
 * answer without running the query again (answerWith).
 */
export type KnownAnswer = { text: string; contentType: string } | { contextValue: object; result: ExecutionResult };

@Module({ providers: [KnownOperations], exports: [KnownOperations] })
export class KnownOperationsModule {}
