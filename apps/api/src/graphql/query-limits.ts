import {
  ASTVisitor,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getVariableValues,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';
import { ComplexityEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * What one operation may ask for, checked before any resolver runs (docs/security.md, "Request
 * limits"): depth, fields per selection set (aliases), root fields, cost, variables. Every refusal is a
 * client error (HTTP 400) with a code of its own.
 */

const clientError = (message: string, code: string, extensions: Record<string, unknown> = {}) =>
  new GraphQLError(message, { extensions: { code, http: { status: 400 }, ...extensions } });

/** Fragment definitions of a document, by name. */
function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  return fragments;
}

/**
 * The fields a selection set asks for once its fragments are spread, counted without recursion into
 * sub-selections; `nesting` is how many inline fragments and spreads deep it goes. A fragment is
 * counted each time it is spread (aliases in a fragment spread twice run twice).
 */
function flatFields(
  set: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  limit: number,
): { fields: FieldNode[]; nesting: number } {
  const fields: FieldNode[] = [];
  let nesting = 0;
  const stack: Array<{ set: SelectionSetNode; level: number; seen: ReadonlySet<string> }> = [
    { set, level: 0, seen: new Set() },
  ];
  while (stack.length > 0 && fields.length <= limit) {
    const { set: current, level, seen } = stack.pop()!;
    nesting = Math.max(nesting, level);
    if (level > limit) break;
    for (const selection of current.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT)
        stack.push({ set: selection.selectionSet, level: level + 1, seen });
      else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (fragment && !seen.has(name))
          stack.push({ set: fragment.selectionSet, level: level + 1, seen: new Set([...seen, name]) });
      }
    }
  }
  return { fields, nesting };
}

/**
 * Depth (fields nested in fields, introspection not counted), fields per selection set (aliases
 * included) and root fields of each operation; fragments and inline fragments nested more than
 * `maxDepth` deep are refused too. Iterative, so a hostile document cannot overflow the stack.
 */
export function operationShapeRule(limits: {
  maxDepth: number;
  maxFields: number;
  maxRootFields: number;
}): ValidationRule {
  return (context: ValidationContext) => {
    const fragments = fragmentsOf(context.getDocument());
    const report = (node: OperationDefinitionNode, message: string, extensions: Record<string, unknown>) =>
      context.reportError(new GraphQLError(message, { nodes: [node], extensions }));

    const check = (operation: OperationDefinitionNode) => {
      const root = flatFields(operation.selectionSet, fragments, limits.maxRootFields);
      if (root.fields.length > limits.maxRootFields) {
        return report(operation, `An operation may ask for at most ${limits.maxRootFields} root fields`, {
          maxRootFields: limits.maxRootFields,
        });
      }
      let deepest = 0;
      const pending: Array<{ set: SelectionSetNode; level: number }> = [{ set: operation.selectionSet, level: 1 }];
      while (pending.length > 0) {
        const { set, level } = pending.pop()!;
        const { fields, nesting } = flatFields(set, fragments, limits.maxFields);
        if (nesting > limits.maxDepth) {
          return report(operation, `Fragments are nested more than ${limits.maxDepth} deep`, {
            maxDepth: limits.maxDepth,
          });
        }
        if (fields.length > limits.maxFields) {
          return report(operation, `A selection may ask for at most ${limits.maxFields} fields (aliases included)`, {
            maxFields: limits.maxFields,
          });
        }
        for (const field of fields) {
          if (field.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, level);
          // one level past the limit is enough to name the depth
          if (field.selectionSet && level <= limits.maxDepth)
            pending.push({ set: field.selectionSet, level: level + 1 });
        }
      }
      if (deepest > limits.maxDepth) {
        report(operation, `The query is ${deepest} levels deep; the maximum is ${limits.maxDepth}`, {
          depth: deepest,
          maxDepth: limits.maxDepth,
        });
      }
    };
    return { OperationDefinition: check };
  };
}

/** A NUL byte (PostgreSQL text cannot hold one) or a lone UTF-16 surrogate (not encodable as UTF-8). */
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const unsafeTextMessage = (where: string) =>
  `${where} holds a NUL character or an unpaired UTF-16 surrogate, which no text field accepts`;

/** String literals written in the document are refused when they hold unsafe text. */
export function safeStringsRule(context: ValidationContext): ASTVisitor {
  return {
    StringValue(node) {
      if (UNSAFE_TEXT.test(node.value)) {
        context.reportError(
          new GraphQLError(unsafeTextMessage('A string literal'), {
            nodes: [node],
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        );
      }
    },
  };
}

/** Longest list any variable may carry (each input list has a lower, field-specific limit as well). */
export const MAX_VARIABLE_LIST = 1000;

/**
 * Cheap checks of the raw variables before they are coerced: list sizes and unsafe text, each named
 * by its path (e.g. `$filter.countriesOfOrigin[3]`). Iterative; stops at the first problem.
 */
function assertRawVariables(variables: Record<string, unknown>): void {
  const stack: Array<[string, unknown]> = Object.entries(variables).map(([k, v]) => [`$${k}`, v]);
  while (stack.length > 0) {
    const [path, value] = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSAFE_TEXT.test(value))
        throw clientError(unsafeTextMessage(`Variable ${path}`), 'BAD_USER_INPUT', { field: path });
    } else if (Array.isArray(value)) {
      if (value.length > MAX_VARIABLE_LIST) {
        throw clientError(
          `Variable ${path} holds ${value.length} items; at most ${MAX_VARIABLE_LIST} are accepted`,
          'BAD_USER_INPUT',
          {
            field: path,
          },
        );
      }
      value.forEach((item, i) => stack.push([`${path}[${i}]`, item]));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) stack.push([`${path}.${key}`, item]);
    }
  }
}

/**
 * Coerces the operation's variables once, stopping at the first error, and answers BAD_USER_INPUT
 * (HTTP 400) naming it. Without the limit graphql-js builds one error per bad list item (150,000 for a
 * 300 KB body, seconds of CPU).
 */
export function assertVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  assertRawVariables(variables ?? {});
  const { errors } = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 1 });
  if (errors?.length) throw clientError(errors[0].message, 'BAD_USER_INPUT');
}

/**
 * What the expensive root fields cost: matching and full-text search cost what they cost, whatever
 * their result size, so that one operation holds at most five matching queries under the default
 * GRAPHQL_MAX_COMPLEXITY (5,000). A point is about 0.1 ms of database work on the bench data
 * (fundCandidates: ~100 ms). The same points count against the per-client budget
 * (EXPENSIVE_BUDGET_POINTS, request-plugins.ts).
 */
const EXPENSIVE_FIELDS: Record<string, (args: Record<string, unknown>) => number> = {
  'Query.fundCandidates': () => 1000,
  'Query.fundMatches': () => 300,
  'Query.checkEligibility': () => 100,
  'Query.trainingMatches': () => 200,
  'Query.partnerSuggestions': () => 500,
  'Query.dialogueCounterparts': () => 500,
  'Query.organizations': (args) => (hasSearch(args) ? 200 : 0),
  'Query.projects': (args) => (hasSearch(args) ? 200 : 0),
  'Query.funds': (args) => (hasSearch(args) ? 100 : 0),
  'Query.trainingOffers': (args) => (hasSearch(args) ? 100 : 0),
};

function hasSearch(args: Record<string, unknown>): boolean {
  return typeof args.search === 'string' && args.search.trim().length > 0;
}

/** The expensive-work points of one field (0 for ordinary fields). */
export function expensiveCost(typeName: string, fieldName: string, args: Record<string, unknown>): number {
  return EXPENSIVE_FIELDS[`${typeName}.${fieldName}`]?.(args) ?? 0;
}

/** A list field costs its children times the page size it asks for (`first`, default 20). */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (childComplexity === 0) return undefined;
  const first = typeof args.first === 'number' ? Math.max(1, args.first) : undefined;
  return first ? 1 + childComplexity * first : undefined;
};

export interface OperationCost {
  complexity: number;
  /** Points of expensive work (matching, search) the operation asks for. */
  expensive: number;
}

/** The cost of an operation whose variables are valid; throws QUERY_TOO_COMPLEX above `max`. */
export function assertComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  max: number,
): OperationCost {
  let expensive = 0;
  const expensiveEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
    const cost = expensiveCost(getNamedType(type).name, field.name, args);
    if (cost === 0) return undefined;
    expensive += cost;
    return cost + childComplexity;
  };
  const complexity = getComplexity({
    schema,
    query: document,
    operationName,
    variables,
    estimators: [expensiveEstimator, pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
  });
  if (complexity > max) {
    throw clientError(`The query costs ${complexity}; the maximum is ${max}`, 'QUERY_TOO_COMPLEX', {
      complexity,
      maxComplexity: max,
    });
  }
  return { complexity, expensive };
}

export interface OperationLimits {
  maxDepth: number;
  maxFields: number;
  maxRootFields: number;
  maxTokens: number;
}

/** The validation rules added to GraphQL's own for every operation (HTTP and graphql-ws). */
export function limitRules(limits: OperationLimits): ValidationRule[] {
  return [operationShapeRule(limits), safeStringsRule];
}

/**
 * The same checks for an operation that arrives over graphql-ws (which parses and validates on its
 * own, without Apollo's plugins): parse with the token limit, validate with the limit rules, coerce the
 * variables once. Returns the errors, or undefined when the operation may run.
 */
export function checkSocketOperation(
  schema: GraphQLSchema,
  payload: { query?: unknown; operationName?: unknown; variables?: unknown },
  limits: OperationLimits,
): GraphQLError[] | undefined {
  try {
    const document = parse(String(payload.query ?? ''), { maxTokens: limits.maxTokens });
    const errors = validate(schema, document, [...specifiedRules, ...limitRules(limits)]);
    if (errors.length > 0) return [...errors];
    const name = typeof payload.operationName === 'string' ? payload.operationName : undefined;
    const operation = getOperationAST(document, name);
    if (operation) assertVariables(schema, operation, (payload.variables ?? {}) as Record<string, unknown>);
    return undefined;
  } catch (error) {
    return [error instanceof GraphQLError ? error : new GraphQLError('The operation is invalid')];
  }
}
