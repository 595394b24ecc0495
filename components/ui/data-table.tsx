/** A column header: its text (or a node, e.g. an sr-only label), and whether its figures align right. */
export type Column = React.ReactNode | { label: React.ReactNode; numeric?: boolean };

/**
 * The app's data table: a caption for screen readers, one header row, and the rows the caller
 * gives (`<tr>`s). One place for the table's look, so every list reads the same way. On a narrow
 * screen the table scrolls sideways in its own box (focusable, so keyboards can scroll it too)
 * instead of widening the page.
 */
export function DataTable({
  caption,
  columns,
  children,
  testId,
}: {
  caption: React.ReactNode;
  columns: Column[];
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <div
      className="relative overflow-x-auto"
      tabIndex={0}
      role="region"
      aria-label={typeof caption === "string" ? caption : undefined}
    >
      <table className="w-full border-collapse bg-white text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-left">
          <tr>
            {columns.map((column, i) => {
              const { label, numeric } =
                typeof column === "object" && column !== null && "label" in column
                  ? column
                  : { label: column, numeric: false };
              return (
                <th key={i} scope="col" className={numeric ? "p-2 text-right" : "p-2"}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
