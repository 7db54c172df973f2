/** The printed table: one row per metric, every part, with the ratio to the baseline and the verdict. */
import type { BenchMetric, BenchPartResult } from './benchResult';

function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return 'n/a';
  if (Number.isInteger(value)) return value.toLocaleString('en-GB');
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2;
  return value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function verdict(m: BenchMetric): string {
  if (m.pass === null) return '';
  return m.pass ? 'met' : '**MISSED**';
}

function ratioText(m: BenchMetric): string {
  return m.ratio === null ? 'n/a' : `${m.ratio.toFixed(2)}×`;
}

export function markdownTable(parts: readonly BenchPartResult[]): string {
  const lines = ['| part | metric | unit | Sitrep | baseline | ratio | target | |', '|---|---|---|---:|---:|---:|---|---|'];
  for (const part of parts) {
    for (const m of part.metrics) {
      lines.push(
        `| ${part.part} | ${m.name} | ${m.unit} | ${formatNumber(m.sitrep)} | ${formatNumber(m.baseline)} | ${ratioText(m)} | ${m.target ?? ''} | ${verdict(m)} |`,
      );
    }
  }
  return lines.join('\n');
}

export function notesText(parts: readonly BenchPartResult[]): string {
  return parts.flatMap((part) => part.notes.map((note) => `- ${part.part}: ${note}`)).join('\n');
}
