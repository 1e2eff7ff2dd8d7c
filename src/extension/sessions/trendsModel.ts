// What the trend panel is sent: the grouped sessions of a SessionSet and the group on show. Pure (no vscode), so
// it is unit-tested directly.
import type { TrendGroup, TrendsReport } from '../../core/trends/trends';
import { DEFAULT_GROUP_KEY } from '../../core/trends/trends';
import type { TrendsPanelState } from '../../shared/trends-protocol';

export interface TrendsSource {
  report: TrendsReport;
  problems: string[];
  incomplete: string | null;
}

/** `selected` undefined (or a group that is gone): the group with the most sessions, the first of equals. */
export function trendsModel(source: TrendsSource, folder: string, selected?: string | null): Extract<TrendsPanelState, { kind: 'trends' }> {
  const groups = source.report.groups;
  const chosen = groups.find((group) => group.key === selected) ?? largest(groups);
  return {
    kind: 'trends',
    folder,
    groupBy: DEFAULT_GROUP_KEY,
    groups,
    selected: chosen?.key ?? null,
    incomplete: source.incomplete,
    problems: source.problems,
  };
}

function largest(groups: readonly TrendGroup[]): TrendGroup | undefined {
  return groups.reduce<TrendGroup | undefined>((best, group) => (best === undefined || group.sessions.length > best.sessions.length ? group : best), undefined);
}
