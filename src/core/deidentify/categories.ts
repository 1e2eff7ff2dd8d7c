// What the de-identifier looks for, and how each kind maps onto the HIPAA Safe Harbor list (45 CFR
// 164.514(b)(2)(i), items A to R). The README's "De-identification" section prints this table.

export const CATEGORIES = ['name', 'place', 'date', 'age', 'phone', 'email', 'url', 'id'] as const;
export type Category = (typeof CATEGORIES)[number];

/** One identifier found in a text: UTF-16 offsets into that text. */
export interface Detection {
  start: number;
  end: number;
  category: Category;
  /** The text as written, e.g. "Maria's" has text "Maria" (the possessive stays outside the span). */
  text: string;
  /** For names: the person it belongs to, when known (a speaker or a name given with --names). */
  person?: string;
  /** Why it was found, for tests and the editor's preview: "speaker", "lexicon", "title", "nlp", "pattern", … */
  source: string;
}

export interface SafeHarborItem {
  item: string;
  identifier: string;
  /** The categories that cover it, or none when it cannot occur in a transcript's text. */
  categories: readonly Category[];
  note: string;
}

export const SAFE_HARBOR: readonly SafeHarborItem[] = [
  { item: 'A', identifier: 'Names', categories: ['name'], note: 'speaker labels, front matter, the name lexicon, titles ("Dr. Asante"), compromise #Person' },
  { item: 'B', identifier: 'Geographic subdivisions smaller than a state', categories: ['place'], note: 'street addresses, cities, ZIP and post codes, schools, clinics, hospitals, employers; countries and states are replaced too' },
  { item: 'C', identifier: 'Dates (except year) and ages over 89', categories: ['date', 'age'], note: 'day and month, month and year, numeric dates; a year alone, a weekday, a month alone and holidays stay' },
  { item: 'D', identifier: 'Telephone numbers', categories: ['phone'], note: '' },
  { item: 'E', identifier: 'Fax numbers', categories: ['phone'], note: 'found as phone numbers' },
  { item: 'F', identifier: 'E-mail addresses', categories: ['email'], note: '' },
  { item: 'G', identifier: 'Social security numbers', categories: ['id'], note: 'NNN-NN-NNNN' },
  { item: 'H', identifier: 'Medical record numbers', categories: ['id'], note: 'a number after MRN, record, chart, patient number; NHS numbers' },
  { item: 'I', identifier: 'Health plan beneficiary numbers', categories: ['id'], note: 'Medicare (US MBI, Australian card), insurance and member numbers' },
  { item: 'J', identifier: 'Account numbers', categories: ['id'], note: 'a number after account, card, policy; any run of 6 or more digits' },
  { item: 'K', identifier: 'Certificate and licence numbers', categories: ['id'], note: 'a number or code after licence, certificate, passport' },
  { item: 'L', identifier: 'Vehicle identifiers, licence plates', categories: ['id'], note: 'only when introduced ("plate", "registration"); a plate said alone is not recognised' },
  { item: 'M', identifier: 'Device identifiers and serial numbers', categories: ['id'], note: 'a code after serial, device' },
  { item: 'N', identifier: 'Web addresses (URLs)', categories: ['url'], note: '' },
  { item: 'O', identifier: 'IP addresses', categories: ['url'], note: 'dotted IPv4 addresses' },
  { item: 'P', identifier: 'Biometric identifiers', categories: [], note: 'not applicable: a transcript holds no fingerprints or voice prints (the audio does; it is not read)' },
  { item: 'Q', identifier: 'Full-face photographs', categories: [], note: 'not applicable: a transcript holds no images' },
  { item: 'R', identifier: 'Any other unique identifying number, characteristic or code', categories: ['id'], note: 'partly: numbers are caught; a rare job, an event in the news or a family story cannot be, and needs a human reader' },
];
