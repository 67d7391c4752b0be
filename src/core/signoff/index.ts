/**
 * Sign-off chain, tamper check and their wording (spec: ../shared/spec/signoff.md).
 * The task pane and the command line call these; the workbook parts live in src/hosts/xlsx/signoff*.ts.
 */
export * from './types';
export {
  canonicalCell,
  canonicalJson,
  canonicalNumber,
  canonicalText,
  type Canonicalizable,
} from './canonical';
export { shortDigest, toHex, webCryptoDigester, type Digester } from './digest';
export { canonicalRows, contentDigestOf, digestRows, rowDigestsOf, type CanonicalRow } from './rows';
export {
  activeRecords,
  buildSignoffRecord,
  diffRows,
  latestRecord,
  recordDigest,
  verifyChain,
  withdrawSignoff,
  type SignResult,
  type WithdrawResult,
} from './chain';
export { isIsoWithOffset, isoWithOffset, nowWithOffset } from './time';
export {
  DIGEST_PROVES,
  describeChangedRow,
  describeReason,
  describeVerification,
  verificationStatusLine,
} from './describe';
export {
  DIGESTS_SHEET,
  SIGNOFF_HEADERS,
  SIGNOFF_WIDTHS,
  digestsSheetRows,
  parseSignoffs,
  signoffTableRows,
  type ParsedSignoffs,
  type SheetValue,
} from './sheet';
export {
  decideGate,
  describeGateIssue,
  gateSummary,
  signoffGate,
  type GateDecision,
  type GateInput,
  type GateIssue,
  type GateReport,
} from './gate';
