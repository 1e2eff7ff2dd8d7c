// Number formatting shared by the panel's sections.
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** The client's talk share is a 0..1 fraction in the Analysis. */
export function shareText(share: number | null): string {
  return share === null ? 'n/a' : `${Math.round(share * 100)}%`;
}

export const BAND_LABEL: Record<string, string> = { below: 'below fair', fair: 'fair', good: 'good' };

export const STATUS_LABEL: Record<string, string> = {
  repaired: 'repaired',
  unaddressed: 'unaddressed',
  'met-with-directive': 'met with directive talk',
};

export const FORMAT_LABEL: Record<string, string> = {
  labeled: 'Labelled transcript',
  webvtt: 'WebVTT captions',
  srt: 'SRT subtitles',
  otter: 'Otter.ai export',
};
