/** Small SVG charts: no library, readable on a tablet, labelled for screen readers. */

export interface Series {
  label: string;
  /** One value per x; null where a year has no figure. */
  values: ReadonlyArray<number | null>;
  className: string;
}

const WIDTH = 560;
const HEIGHT = 220;
const PAD = { top: 16, right: 16, bottom: 28, left: 56 };

/** Lines over a few years, e.g. the poverty and near-poverty rates. */
export function LineChart({ xs, series, format, title }: { xs: readonly (string | number)[]; series: readonly Series[]; format: (value: number) => string; title: string }) {
  const values = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (!values.length || !xs.length) return null;
  const max = Math.max(...values, 0) * 1.1 || 1;
  const x = (i: number) => PAD.left + (xs.length === 1 ? (WIDTH - PAD.left - PAD.right) / 2 : (i * (WIDTH - PAD.left - PAD.right)) / (xs.length - 1));
  const y = (v: number) => HEIGHT - PAD.bottom - (v / max) * (HEIGHT - PAD.top - PAD.bottom);
  const ticks = [0, max / 2, max];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={title}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line className="grid" x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text className="axis" x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {format(tick)}
            </text>
          </g>
        ))}
        {xs.map((label, i) => (
          <text key={String(label)} className="axis" x={x(i)} y={HEIGHT - 8} textAnchor="middle">
            {label}
          </text>
        ))}
        {series.map((s) => {
          const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const))).filter((p): p is readonly [number, number] => p !== null);
          return (
            <g key={s.label} className={s.className}>
              <polyline fill="none" points={points.map(([px, py]) => `${px},${py}`).join(' ')} />
              {points.map(([px, py], i) => (
                <circle key={i} cx={px} cy={py} r={3.5} />
              ))}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {series.map((s) => (
          <span key={s.label} className={s.className}>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

export interface Bar {
  label: string;
  value: number;
}

/** Horizontal bars with their values, e.g. new builds beside repairs. */
export function BarChart({ bars, format, title }: { bars: readonly Bar[]; format: (value: number) => string; title: string }) {
  const max = Math.max(...bars.map((bar) => bar.value), 0) || 1;
  return (
    <figure className="bars" aria-label={title}>
      <figcaption>{title}</figcaption>
      {bars.map((bar) => (
        <div className="bar-row" key={bar.label}>
          <span className="bar-label">{bar.label}</span>
          <span className="bar-track">
            <span className="bar-fill" style={{ width: `${(bar.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{format(bar.value)}</span>
        </div>
      ))}
    </figure>
  );
}
