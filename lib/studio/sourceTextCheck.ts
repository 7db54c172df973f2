/**
 * Why a source text cannot be a story's source, or `null` when it can. A story's source is text: a binary file read
 * as text (an image, a PDF, a Word file) shows NUL bytes or, where its bytes are not UTF-8, U+FFFD replacement
 * characters; a lone surrogate cannot be written as UTF-8 at all. Any script is welcome (Cyrillic, Arabic, CJK,
 * emoji): quote offsets count UTF-16 code units, as JavaScript strings do.
 */
export function sourceTextProblem(text: string): string | null {
  if (text.trim().length === 0) return 'the source text is empty';
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return `holds a NUL character at offset ${nul}: this looks like a binary file, not text`;
  const replacement = text.indexOf('\uFFFD');
  if (replacement !== -1) {
    return `holds a U+FFFD replacement character at offset ${replacement}: the file was not UTF-8 text (a binary file, or text in another encoding: save it as UTF-8)`;
  }
  const control = CONTROL_CHARACTER.exec(text);
  if (control) return `holds the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} at offset ${control.index}: this looks like a binary file, not text`;
  const surrogate = LONE_SURROGATE.exec(text);
  if (surrogate) return `holds a lone UTF-16 surrogate at offset ${surrogate.index}: not valid Unicode text`;
  return null;
}

/** C0 controls other than tab, line feed, form feed and carriage return, and DEL. */
const CONTROL_CHARACTER = /[\u0001-\u0008\u000B\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
