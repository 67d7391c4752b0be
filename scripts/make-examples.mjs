// Writes the sample files in examples/ (seeded: the same files every run).
// Template duty-report: 24 units, three sources (5 leaders, 9 members, 15 residents' representatives),
// honest raters with their own leniency and noise, plus two planted patterns to find:
// resident P07 scores everyone about the same (flat), member M03 scores everyone ~12 points high.
import { writeFileSync } from 'node:fs';

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20261122);
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const clip = (x, lo, hi) => Math.min(hi, Math.max(lo, x));

const units = [
  '城关镇党委', '东关街道党工委', '西城街道党工委', '南湖镇党委', '北山乡党委', '临河镇党委',
  '青石镇党委', '白马乡党委', '柳林镇党委', '新华社区党委', '人民路社区党支部', '幸福里社区党支部',
  '县教育局党组', '县卫健局党组', '县农业农村局党组', '县财政局党组', '县人社局党组', '县住建局党组',
  '县交通运输局党组', '县市场监管局党组', '县第一中学党委', '县人民医院党委', '县供电公司党委', '县农商银行党委',
];
const ratees = units.map((name, i) => ({ id: `U${String(i + 1).padStart(2, '0')}`, name }));
const quality = ratees.map(() => clip(82 + 7 * normal(), 58, 97));
const indicators = [['Q1', 20], ['Q2', 20], ['Q3', 25], ['Q4', 20], ['B1', 5], ['B2', 5], ['B3', 5]];
const sources = [['leader', 'L', 5], ['member', 'M', 9], ['public', 'P', 15]];

const lines = ['source,rater,ratee,' + indicators.map(([id]) => id).join(',')];
for (const [source, prefix, n] of sources) {
  for (let r = 1; r <= n; r++) {
    const rater = `${prefix}${String(r).padStart(2, '0')}`;
    const leniency = 2.5 * normal() + (rater === 'M03' ? 12 : 0);
    ratees.forEach((u, j) => {
      const level = rater === 'P07' ? 85 + 0.8 * normal() : quality[j] + leniency + 3 * normal();
      const cells = indicators.map(([, max]) => {
        const pct = clip((level + 2 * normal()) / 100, 0.3, 1);
        return Math.round(pct * max * 2) / 2;
      });
      lines.push([source, rater, u.id, ...cells].join(','));
    });
  }
}
writeFileSync('examples/ratings.csv', lines.join('\n') + '\n');

// The same sheets as a clerk typed them, with the habits the tool must catch.
const typed = [...lines];
const bad = [
  [5, 'Q3', '２２'], // full-width digits
  [40, 'Q1', '18分'], // a trailing 分
  [77, 'B2', ''], // left blank
  [130, 'Q4', '25'], // above the maximum of 20
  [200, 'Q2', '#N/A'], // pasted error value
];
const header = lines[0].split(',');
for (const [row, id, value] of bad) {
  const f = typed[row].split(',');
  f[header.indexOf(id)] = value;
  typed[row] = f.join(',');
}
writeFileSync('examples/ratings-with-problems.csv', typed.join('\n') + '\n');

writeFileSync(
  'examples/ratees.csv',
  ['id,name', ...ratees.map((u) => `${u.id},${u.name}`)].join('\n') + '\n',
);
writeFileSync(
  'examples/adjustments.csv',
  [
    'ratee,kind,points,reason,approvedBy',
    'U03,bonus,2,党建品牌获市级推广,县委组织部',
    'U10,bonus,1.5,“红色物业”经验被省级媒体报道,县委组织部',
    'U10,bonus,4,社区治理创新获省级表彰,县委组织部',
    'U14,deduction,3,巡察整改超期未销号,县委巡察办',
    'U21,deduction,1,组织生活记录不全,县委组织部',
    'U17,veto,,发生重大安全生产责任事故,县委常委会',
  ].join('\n') + '\n',
);
console.log(`examples/: ${lines.length - 1} score sheets for ${ratees.length} units`);
