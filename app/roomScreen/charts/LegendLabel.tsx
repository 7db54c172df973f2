/** Legend text in the text colour (recharts would paint it in the series colour, unreadable for light fills). */
export function LegendLabel({ text }: { text: string }) {
  return <span className="chart-legend-label">{text}</span>;
}
