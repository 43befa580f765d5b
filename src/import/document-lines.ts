/**
 * Line numbers for problems in a YAML or JSON plan file. JSON is YAML, so
 * both formats are parsed into a `yaml` Document whose nodes know their
 * offsets; a path into the data then leads to the line that wrote it.
 */
import { isMap, isScalar, isSeq, visit, type Document, type LineCounter } from 'yaml';

/**
 * The 1-based line where `path` is written: the key's line for a mapping
 * entry, the entry's first line for a list element. When the path leads to
 * something missing (a required key left out), the line of the nearest
 * ancestor that exists.
 */
export function lineOfPath(doc: Document, lineCounter: LineCounter, path: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let line = lineOfNode(node, lineCounter);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((entry) => String(isScalar(entry.key) ? entry.key.value : entry.key) === String(segment));
      if (!pair) break;
      line = lineOfNode(pair.key, lineCounter) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (item === undefined) break;
      line = lineOfNode(item, lineCounter) ?? line;
      node = item;
    } else {
      break;
    }
  }
  return line;
}

function lineOfNode(node: unknown, lineCounter: LineCounter): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined;
  const range = (node as { range?: [number, number, number] | null }).range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}

/**
 * The line of a JSON.parse failure. V8 gives a character position for most
 * errors but not for a bad token (`tru`), which YAML reads as a plain,
 * unquoted string: no such scalar exists in valid JSON, so the first one is
 * the culprit.
 */
export function lineOfJsonError(text: string, message: string, doc: Document, lineCounter: LineCounter): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position) return lineCounter.linePos(Number(position[1])).line;
  if (/end of JSON input/.test(message)) return text.split('\n').length;
  const yamlError = doc.errors[0];
  if (yamlError?.linePos) return yamlError.linePos[0].line;
  let line: number | undefined;
  visit(doc, {
    Scalar(_, scalar) {
      if (scalar.type === 'PLAIN' && typeof scalar.value === 'string' && scalar.range) {
        line = lineCounter.linePos(scalar.range[0]).line;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return line;
}
