// What every trends format is told besides the report.
import type { ScoreTrust } from '../../../core/summary/score-agreement';

export interface TrendsFormatOptions {
  /** The front-matter key the sessions were grouped by. */
  groupBy: string;
  /** Which scores may be graded (the measured table unless a test says otherwise). */
  trusted?: ScoreTrust;
}
