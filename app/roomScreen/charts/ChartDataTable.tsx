import type { ChartTable } from '@/lib/charts/dataTables';

/** A chart's numbers as a real table, for screen readers and for copying. */
export function ChartDataTable({ table }: { table: ChartTable }) {
  const [rowHeader, ...columns] = table.columns;
  return (
    <table className="chart-table">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{row.header}</th>
            {row.cells.map((cell, i) => (
              <td key={columns[i] ?? i} className={typeof cell === 'number' ? 'chart-table-number' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
