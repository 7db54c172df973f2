export interface TooltipLine {
  key: string;
  label: string;
  value: string | number;
  /** A swatch in the series colour. */
  color?: string;
}

/** The body of every chart tooltip: a title and a few lines. */
export function TooltipBox({ title, lines }: { title: string; lines: readonly TooltipLine[] }) {
  return (
    <div className="chart-tooltip">
      <p className="chart-tooltip-title">{title}</p>
      {lines.length > 0 && (
        <ul>
          {lines.map((line) => (
            <li key={line.key}>
              {line.color && <span className="chart-swatch" style={{ background: line.color }} aria-hidden="true" />}
              {line.label}: <strong>{line.value}</strong>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
