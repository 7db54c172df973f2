import { describe, expect, it } from 'vitest';
import { paragraphAround, sentencesAround } from '@/lib/studio/textSpans';

const TEXT = [
  'First paragraph. Mr. Putin met the U.S. envoy on Friday. Sergey V. Lavrov spoke!',
  '“We are ready,” he said. “Really?” they asked.',
  'Last one',
].join('\n');

const slice = ({ start, end }: { start: number; end: number }) => TEXT.slice(start, end);
const at = (words: string) => {
  const start = TEXT.indexOf(words);
  return [start, start + words.length] as const;
};

describe('paragraphAround', () => {
  it.each<[string, string]>([
    ['Putin met', 'First paragraph. Mr. Putin met the U.S. envoy on Friday. Sergey V. Lavrov spoke!'],
    ['he said', '“We are ready,” he said. “Really?” they asked.'],
    ['Last', 'Last one'],
  ])('the line holding "%s"', (words, paragraph) => {
    expect(slice(paragraphAround(TEXT, ...at(words)))).toBe(paragraph);
  });

  it('spans every line a quote touches', () => {
    const [start] = at('Lavrov spoke');
    const [, end] = at('We are');
    expect(slice(paragraphAround(TEXT, start, end))).toBe(TEXT.split('\n').slice(0, 2).join('\n'));
  });
});

describe('sentencesAround', () => {
  it.each<[string, string]>([
    ['First', 'First paragraph.'],
    ['Putin', 'Mr. Putin met the U.S. envoy on Friday.'], // "Mr." and "U.S." do not end it
    ['on Friday', 'Mr. Putin met the U.S. envoy on Friday.'],
    ['Lavrov', 'Sergey V. Lavrov spoke!'], // an initial does not end it
    ['he said', '“We are ready,” he said.'],
    ['they asked', '“Really?” they asked.'],
    ['one', 'Last one'],
  ])('the sentence holding "%s"', (words, sentence) => {
    expect(slice(sentencesAround(TEXT, ...at(words)))).toBe(sentence);
  });

  it('spans every sentence a quote touches', () => {
    const [start] = at('envoy');
    const [, end] = at('Sergey');
    expect(slice(sentencesAround(TEXT, start, end))).toBe('Mr. Putin met the U.S. envoy on Friday. Sergey V. Lavrov spoke!');
  });
});
