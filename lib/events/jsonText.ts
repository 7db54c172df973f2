import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/** A line and column (both 1-based) for a string index. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const ERROR_REASONS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," between values',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'unexpected content after the end of the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'comments are not allowed in JSON',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

export type JsonParse =
  | { ok: true; value: unknown; locate: (path: ReadonlyArray<PropertyKey>) => { line: number; column: number } | undefined }
  | { ok: false; line: number; column: number; reason: string };

/**
 * Strict JSON (no comments, no trailing commas) with the position of the first syntax error,
 * and a way to find the line and column of any value in the parsed document.
 */
export function parseJsonText(text: string): JsonParse {
  // The fast path: most files are valid. The syntax tree (for positions) is built only when a position is needed.
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return syntaxError(text);
  }
  let root: Node | undefined;
  const locate = (path: ReadonlyArray<PropertyKey>) => {
    root ??= parseTree(text, [], { disallowComments: true, allowTrailingComma: false });
    if (!root) return undefined;
    let node: Node | undefined;
    for (let depth = path.length; depth >= 0 && !node; depth--) {
      node = findNodeAtLocation(root, path.slice(0, depth).map((k) => (typeof k === 'number' ? k : String(k))));
    }
    return node ? lineColumnAt(text, node.parent?.type === 'property' ? node.parent.offset : node.offset) : undefined;
  };
  return { ok: true, value, locate };
}

/** Finds the first syntax error with a strict JSON scanner, for its position and a plain reason. */
function syntaxError(text: string): Extract<JsonParse, { ok: false }> {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  const offset = first?.offset ?? 0;
  const code = first ? printParseErrorCode(first.error) : 'ValueExpected';
  return { ok: false, ...lineColumnAt(text, offset), reason: `malformed JSON: ${ERROR_REASONS[code] ?? code}` };
}
