import { Document, isMap, isPair, isScalar, isSeq, visit } from 'yaml';

export const SCHEMA_COMMENT = ' yaml-language-server: $schema=../schemas/promise.schema.json';

/** Keys whose mappings read best on one line, as in the example: `target: { comparison: ">=", value: 95 }`. */
const FLOW_KEYS = new Set(['target', 'internal_target', 'promise_types']);

/**
 * promise.yaml text for the given data: the editor-schema comment on top, short lists and targets
 * on one line, comparisons quoted (">=" unquoted would still parse, but reads like an operator).
 */
export function promiseYaml(data: Record<string, unknown>): string {
  const doc = new Document(data);
  // On the first key rather than the document, so no blank line separates them.
  if (doc.contents) doc.contents.commentBefore = SCHEMA_COMMENT;
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const key = String(pair.key.value);
      if (FLOW_KEYS.has(key) && (isMap(pair.value) || isSeq(pair.value))) {
        (pair.value as { flow?: boolean }).flow = true;
      }
      if (key === 'comparison' && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
    },
  });
  return doc.toString({ lineWidth: 0 });
}
