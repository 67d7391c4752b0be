/**
 * Tier distribution as a small inline SVG: one bar per tier (count of ratees), a dashed mark
 * where the tier's quota ends (what is left of the cumulative quota after the better tiers),
 * red when the quota is exceeded. The same figures are in the text beside each bar.
 */
import { tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../core/types';
import type { TierDistribution } from '../../model/tiers';

const ROW = 26;
const LABEL = 64;
const WIDTH = 300;
const TEXT = 96;

export function TierChart({ distribution, lang }: { distribution: TierDistribution; lang: Lang }) {
  const { t } = useTranslation();
  const { bars, rated } = distribution;
  const scale = (WIDTH - LABEL - TEXT) / Math.max(1, rated);
  const height = bars.length * ROW + 4;
  const summary = bars
    .map((b) =>
      b.limit === null
        ? t('chart.tierPlain', { tier: lang === 'en' && b.nameEn ? b.nameEn : b.name, count: b.count })
        : t('chart.tierQuota', {
            tier: lang === 'en' && b.nameEn ? b.nameEn : b.name,
            count: b.count,
            cumulative: b.cumulative,
            limit: b.limit,
          }),
    )
    .join(lang === 'zh' ? '；' : '; ');
  return (
    <svg
      role="img"
      aria-label={summary}
      data-testid="tier-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      style={{ maxWidth: `${WIDTH}px`, display: 'block' }}
    >
      {bars.map((b, i) => {
        const y = i * ROW + 2;
        const w = b.count * scale;
        const name = lang === 'en' && b.nameEn ? b.nameEn : b.name;
        const room = b.limit === null ? null : Math.max(0, b.limit - (b.cumulative - b.count));
        const fill = !b.withinQuota
          ? tokens.colorPaletteRedBackground3
          : (b.color ?? tokens.colorBrandBackground);
        return (
          <g key={b.name} data-tier={b.name} data-count={b.count}>
            <text x={0} y={y + 16} fontSize={12} fill={tokens.colorNeutralForeground1}>
              {name.length > 6 ? `${name.slice(0, 6)}…` : name}
            </text>
            <rect
              x={LABEL}
              y={y + 4}
              width={Math.max(w, b.count > 0 ? 2 : 0)}
              height={ROW - 10}
              fill={fill}
              rx={2}
            />
            {room !== null && (
              <line
                x1={LABEL + room * scale}
                x2={LABEL + room * scale}
                y1={y}
                y2={y + ROW - 2}
                stroke={tokens.colorNeutralForeground1}
                strokeDasharray="3 2"
              />
            )}
            <text x={WIDTH - TEXT + 4} y={y + 16} fontSize={11} fill={tokens.colorNeutralForeground2}>
              {b.limit === null
                ? t('chart.count', { count: b.count })
                : t('chart.countLimit', { count: b.count, limit: room })}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
