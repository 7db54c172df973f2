import { describe, expect, it } from 'vitest';
import { sourceTextProblem } from '@/lib/studio/sourceTextCheck';

describe('sourceTextProblem', () => {
  it.each([
    ['English', 'The mayor opened the bridge.'],
    ['Cyrillic', 'Мэр открыл новый мост в пятницу.'],
    ['Arabic', 'افتتح رئيس البلدية الجسر الجديد يوم الجمعة.'],
    ['Chinese', '市长周五为新桥剪彩。'],
    ['an emoji (a surrogate pair)', 'Crowds cheered 🎉 on both banks.'],
    ['tabs, CRLF line ends and a form feed', 'Line one\r\n\tLine two\fpage'],
    ['a byte order mark', '\uFEFFText saved with a BOM.'],
  ])('accepts %s', (_name, text) => {
    expect(sourceTextProblem(text)).toBeNull();
  });

  it.each([
    ['an empty text', '  \n ', /empty/],
    ['a NUL byte (a binary file)', 'PK\u0003\u0004\u0000\u0000abc', /NUL character at offset 4: this looks like a binary file/],
    ['a replacement character (bytes that were not UTF-8)', 'caf\uFFFD au lait', /U\+FFFD replacement character at offset 3: the file was not UTF-8/],
    ['a control character', 'abc\u0007def', /control character U\+0007 at offset 3/],
    ['a lone high surrogate', 'abc\uD83Ddef', /lone UTF-16 surrogate at offset 3/],
    ['a lone low surrogate', 'ab\uDE00', /lone UTF-16 surrogate at offset 2/],
  ])('refuses %s, saying where and why', (_name, text, reason) => {
    expect(sourceTextProblem(text)).toMatch(reason);
  });
});
