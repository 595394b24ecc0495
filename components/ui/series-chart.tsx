import { scaleBand, scaleLinear } from "d3-scale";

/** A small bar chart of a reference series (e.g. annual arrivals); the table beside it carries the same figures. */
export function SeriesChart({
  title,
  points,
  unit,
}: {
  title: string;
  points: { period: string; value: number }[];
  unit: string;
}) {
  const width = 420;
  const height = 160;
  const x = scaleBand<string>()
    .domain(points.map((p) => p.period))
    .range([36, width - 6])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...points.map((p) => p.value))])
    .nice()
    .range([height - 20, 8]);
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="w-full max-w-md"
      role="img"
      aria-label={`${title}: ${points.map((p) => `${p.period} ${p.value.toLocaleString("en")}`).join(", ")} ${unit}`}
    >
      {y.ticks(3).map((t) => (
        <g key={t}>
          <line x1={36} x2={width - 6} y1={y(t)} y2={y(t)} stroke="#e7e5e4" />
          <text x={32} y={y(t) + 4} textAnchor="end" fontSize="10" fill="#57534e">
            {t.toLocaleString("en")}
          </text>
        </g>
      ))}
      {points.map((p) => (
        <g key={p.period}>
          <rect x={x(p.period)} y={y(p.value)} width={x.bandwidth()} height={height - 20 - y(p.value)} fill="#57534e" />
          <text
            x={(x(p.period) ?? 0) + x.bandwidth() / 2}
            y={height - 6}
            textAnchor="middle"
            fontSize="10"
            fill="#44403c"
          >
            {p.period}
          </text>
        </g>
      ))}
    </svg>
  );
}
