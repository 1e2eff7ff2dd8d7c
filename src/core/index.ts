// The model layer's barrel: types, transcript parsing, session metadata, trends and the summary helpers. It never
// reaches compromise, so any front end may import it. The Analyzer (the nlp layer) is exported by ./engine, the
// library entry built to dist/core.js.
export { parseTranscript, countWords } from './transcript';
export { sessionMetadata, sessionDate, sessionNumber, metadataValue, dateInFileName } from './session-metadata';
export { buildTrends, TREND_SCORE_IDS } from './trends/trends';
export type { TrendsReport, TrendGroup, TrendSession, TrendScoreId } from './trends/trends';
export type * from './types';
export { CODE_IDS } from './types';
export { codeName } from './code-names';
export type { CoderOptions, RuleFile, RuleError, RuleDescription } from './coding';
export { topMoments, sessionIndexBreakdown, ALLIANCE_INDEX_FORMULA } from './summary';
export type { IndexBreakdown, Moment, RepairMoveDetector } from './summary';
