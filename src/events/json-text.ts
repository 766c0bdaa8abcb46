import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import { inputErrorAt } from '../problem';

/** Whether a payload is JSON: its first non-blank character is `{` or `[` (SPEC §9). */
export function looksLikeJson(text: string): boolean {
  return /^[\uFEFF\s]*[[{]/.test(text);
}

const SCAN_ERRORS: Record<ScanError, string> = {
  [ScanError.None]: '',
  [ScanError.UnexpectedEndOfComment]: 'comments are not JSON',
  [ScanError.UnexpectedEndOfString]: 'unterminated string',
  [ScanError.UnexpectedEndOfNumber]: 'incomplete number',
  [ScanError.InvalidUnicode]: 'invalid \\u escape',
  [ScanError.InvalidEscapeCharacter]: 'invalid escape character in a string',
  [ScanError.InvalidCharacter]: 'control character in a string',
};

/** What the JSON grammar allows next. */
type Expected = 'value' | 'value or ]' | 'key' | 'key or }' | ':' | ', or ]' | ', or }' | 'end';

const VALUE_TOKENS: ReadonlySet<SyntaxKind> = new Set([
  SyntaxKind.StringLiteral, SyntaxKind.NumericLiteral, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword,
]);

const EXPECTED_TEXT: Record<Expected, string> = {
  value: 'expected a value',
  'value or ]': "expected a value or ']'",
  key: 'expected a property name in double quotes',
  'key or }': "expected a property name in double quotes or '}'",
  ':': "expected ':'",
  ', or ]': "expected ',' or ']'",
  ', or }': "expected ',' or '}'",
  end: 'unexpected text after the JSON value',
};

/**
 * The first syntax error in text that JSON.parse rejected, found by jsonc-parser's scanner and a
 * stack of open brackets: linear, and without recursion, so that any depth of nesting is fine
 * (V8's own message often has no position).
 */
function firstSyntaxError(text: string): { offset: number; what: string } {
  const scanner = createScanner(text, false);
  const open: SyntaxKind[] = [];
  let expected: Expected = 'value';
  const afterValue = (): Expected => (open.length === 0 ? 'end' : open[open.length - 1] === SyntaxKind.OpenBraceToken ? ', or }' : ', or ]');
  for (;;) {
    const token = scanner.scan();
    const offset = scanner.getTokenOffset();
    const scanError = scanner.getTokenError();
    if (scanError !== ScanError.None) return { offset, what: SCAN_ERRORS[scanError] };
    if (token === SyntaxKind.Trivia || token === SyntaxKind.LineBreakTrivia) continue;
    if (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) return { offset, what: 'comments are not JSON' };
    if (token === SyntaxKind.EOF) return { offset, what: `unexpected end of input, ${EXPECTED_TEXT[expected]}` };
    const opens = token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken;
    if ((expected === 'value' || expected === 'value or ]') && (opens || VALUE_TOKENS.has(token))) {
      if (opens) open.push(token);
      expected = token === SyntaxKind.OpenBraceToken ? 'key or }' : token === SyntaxKind.OpenBracketToken ? 'value or ]' : afterValue();
    } else if ((expected === 'key' || expected === 'key or }') && token === SyntaxKind.StringLiteral) {
      expected = ':';
    } else if (expected === ':' && token === SyntaxKind.ColonToken) {
      expected = 'value';
    } else if ((expected === ', or }' || expected === ', or ]') && token === SyntaxKind.CommaToken) {
      expected = expected === ', or }' ? 'key' : 'value';
    } else if ((expected === ', or }' || expected === 'key or }') && token === SyntaxKind.CloseBraceToken) {
      open.pop();
      expected = afterValue();
    } else if ((expected === ', or ]' || expected === 'value or ]') && token === SyntaxKind.CloseBracketToken) {
      open.pop();
      expected = afterValue();
    } else {
      return { offset, what: `${EXPECTED_TEXT[expected]}, found ${JSON.stringify(text.slice(offset, offset + Math.min(scanner.getTokenLength(), 20)))}` };
    }
  }
}

/** Parses a JSON payload; invalid JSON is an error at its line and column. */
export function parseJsonPayload(text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch {
    const { offset, what } = firstSyntaxError(body);
    throw inputErrorAt('INVALID_JSON', `invalid JSON: ${what}`, body, offset);
  }
}
