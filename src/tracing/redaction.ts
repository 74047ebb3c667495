// What a span may carry: identifiers are cut out of any text, and SQL statement text keeps no literal value.

/** Resident ID numbers and unified social credit codes anywhere in a text (no word boundaries: `Q3301…` counts). */
const IDENTIFIER = /\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}/g;

export function redactIdentifiers(text: string): string {
  return text.replace(IDENTIFIER, '[identifier]');
}

/** String literals ('…', E'…', $tag$…$tag$) and numeric literals; `$1` placeholders and names like `t0` are kept. */
const STRING_LITERAL = /\b[Ee]'(?:[^'\\]|\\.|'')*'|'(?:[^']|'')*'/g;
const DOLLAR_QUOTED = /\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$/g;
const NUMERIC_LITERAL = /(?<![\w$.])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/g;

/**
 * A statement as a span may record it: every literal replaced by `?`. The hub's statements are parameterized (values
 * travel as parameters, which are never recorded); this guards against any statement that ever inlines a value.
 */
export function sanitizeStatement(sql: string): string {
  return redactIdentifiers(sql.replace(DOLLAR_QUOTED, '?').replace(STRING_LITERAL, '?').replace(NUMERIC_LITERAL, '?'));
}
