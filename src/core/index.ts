// Public API of the pure engine, built to dist/core.js (CommonJS). See ARCHITECTURE.md §3, "The library API".
export { Analyzer, analyzeTranscript, textOffsetToFile } from './analyzer';
export type { AnalyzerOptions, AnalyzeOptions } from './analyzer';
export { parseTranscript, countWords } from './transcript';
export { sessionMetadata, sessionDate, sessionNumber, metadataValue, dateInFileName } from './session-metadata';
export { buildTrends, TREND_SCORE_IDS } from './trends/trends';
export type { TrendsReport, TrendGroup, TrendSession, TrendScoreId } from './trends/trends';
export type * from './types';
export { CODE_IDS } from './types';
export { codeName } from './coding';
export type { CoderOptions, RuleFile, RuleError, RuleDescription } from './coding';
export { summarize, topMoments, sessionIndexBreakdown, ALLIANCE_INDEX_FORMULA } from './summary';
export type { IndexBreakdown, Moment } from './summary';
