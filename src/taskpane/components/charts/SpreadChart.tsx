/**
 * Per-rater spread of row totals as a small inline SVG: a line from a rater's lowest to highest
 * total with a dot at the mean. A flat rater shows as a short line among long ones. Flagged
 * raters are coloured by their strongest flag.
 */
import { tokens } from '@fluentui/react-components';
import type { FlagLevel } from '../../../core/raters/types';
import type { RaterSpread } from '../../model/raters';

const ROW = 16;
const LABEL = 56;
const WIDTH = 300;
const AXIS = 18;

const COLORS: Record<FlagLevel | 'none', string> = {
  alert: tokens.colorPaletteRedForeground1,
  warn: tokens.colorPaletteDarkOrangeForeground1,
  info: tokens.colorPaletteBlueForeground2,
  none: tokens.colorNeutralForeground3,
};

export interface SpreadChartProps {
  spreads: RaterSpread[];
  levels: Map<string, FlagLevel>;
  label: string;
}

/** Rounds the domain out to multiples of 5 so the axis reads naturally. */
function domain(spreads: RaterSpread[]): [number, number] {
  const lo = Math.min(...spreads.map((s) => s.min));
  const hi = Math.max(...spreads.map((s) => s.max));
  const a = Math.floor(lo / 5) * 5;
  const b = Math.max(a + 5, Math.ceil(hi / 5) * 5);
  return [a, b];
}

export function SpreadChart({ spreads, levels, label }: SpreadChartProps) {
  if (spreads.length === 0) return null;
  const [lo, hi] = domain(spreads);
  const x = (v: number) => LABEL + ((v - lo) / (hi - lo)) * (WIDTH - LABEL - 8);
  const height = spreads.length * ROW + AXIS;
  const ticks = [lo, (lo + hi) / 2, hi];
  return (
    <svg
      role="img"
      aria-label={label}
      data-testid="spread-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: `${WIDTH}px`, display: 'block' }}
    >
      {spreads.map((s, i) => {
        const y = i * ROW + ROW / 2;
        const color = COLORS[levels.get(s.rater) ?? 'none'];
        return (
          <g key={s.rater} data-rater={s.rater}>
            <title>{`${s.rater}: ${s.min.toFixed(1)}–${s.max.toFixed(1)}, ${s.mean.toFixed(1)}, SD ${s.sd.toFixed(1)}`}</title>
            <text x={0} y={y + 4} fontSize={10} fill={color}>
              {s.rater.length > 8 ? `${s.rater.slice(0, 8)}…` : s.rater}
            </text>
            <line
              x1={x(s.min)}
              x2={Math.max(x(s.max), x(s.min) + 1)}
              y1={y}
              y2={y}
              stroke={color}
              strokeWidth={3}
            />
            <circle
              cx={x(s.mean)}
              cy={y}
              r={3}
              fill={tokens.colorNeutralBackground1}
              stroke={color}
              strokeWidth={1.5}
            />
          </g>
        );
      })}
      {ticks.map((v) => (
        <text
          key={v}
          x={x(v)}
          y={height - 4}
          fontSize={10}
          textAnchor="middle"
          fill={tokens.colorNeutralForeground3}
        >
          {Number.isInteger(v) ? v : v.toFixed(1)}
        </text>
      ))}
    </svg>
  );
}
