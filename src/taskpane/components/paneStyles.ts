/** The layout classes every tab shares: sections, headings, muted notes, button rows, cards. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePaneStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', rowGap: '8px', marginTop: '8px' },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: '8px 0 0' },
  h3: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: '6px 0 0' },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', columnGap: '8px', rowGap: '4px', alignItems: 'center' },
  /** A bordered box in a list (a flagged rater, a sign-off level). */
  card: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: '6px 8px',
    display: 'flex',
    flexDirection: 'column',
    rowGap: '4px',
  },
  cardHead: { display: 'flex', alignItems: 'center', columnGap: '6px', flexWrap: 'wrap' },
});
