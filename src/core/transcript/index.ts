// Public face of transcript parsing; see parse.ts for the pipeline and ARCHITECTURE.md §3 for the formats.
export { parseTranscript, type ParseOptions } from './parse';
export { countWords, maskNonVerbal } from './nonverbal';
