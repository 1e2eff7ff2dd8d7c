// Identifiers that have a shape: e-mail and web addresses, phone and ID numbers, dates more specific than a year,
// ages over 89, street addresses, post codes and named institutions. Every expression is linear (no nested
// quantifiers over the same characters) so a long line cannot stall the scan.
import type { Category, Detection } from './categories';

const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)`;
const ORDINAL_WORD = String.raw`(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|thirty[- ]first)`;
const DAY = String.raw`(?:(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)|${ORDINAL_WORD})`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d|'\d\d)`;

/** Holidays, named with their year ("Lunar New Year 2026", "Diwali 2023"): a day more specific than a year. Alone
 * they stay. Capitalised, as a holiday is written. */
const HOLIDAY = String.raw`(?:Christmas|Xmas|(?:Lunar|Chinese|Jewish|Islamic|Persian)[ \t]+New[ \t]+Year|New[ \t]+Year(?:['’]?s)?|Easter|Thanksgiving|Halloween|Hallowe'en|Diwali|Deepavali|Eid(?:[ \t]+(?:al|ul)-\p{L}+)?|Ramadan|Hanukkah|Chanukah|Passover|Pesach|Purim|Rosh[ \t]+Hashanah|Yom[ \t]+Kippur|Sukkot|Kwanzaa|Holi|Vaisakhi|Baisakhi|Navratri|Pongal|Onam|Vesak|Nowruz|Tet|Chuseok|Songkran|Obon|Lent|Pentecost|Whitsun|Juneteenth|Hogmanay|Carnival|Mardi[ \t]+Gras|Midsummer|Bonfire[ \t]+Night|Guy[ \t]+Fawkes(?:[ \t]+Night)?)(?:[ \t]+(?:Eve|Day|Sunday|Monday))?`;

interface PatternRule {
  category: Category;
  source: string;
  pattern: RegExp;
  /** Which capture group is the identifier (default: the whole match). */
  group?: number;
  /** A last look at a match, for what an expression cannot say cheaply. */
  accept?: (match: RegExpExecArray) => boolean;
}

const digitsIn = (text: string) => (text.match(/\d/g) ?? []).length;

const ID_CUE = String.raw`(?:NHS|Medicare|Medicaid|MRN|medical record|hospital|record|chart|patient|member|membership|policy|account|acct|card|licen[cs]e|driver'?s licen[cs]e|passport|serial|registration|reg|plate|insurance|insurer|claim|case|reference|ref|social security|SSN|SIN|ID|identification|student|employee|staff)`;

/** In order of trust: where two overlap, the earlier rule's category wins (see merge in detect.ts). */
const RULES: readonly PatternRule[] = [
  { category: 'email', source: 'email', pattern: /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu },
  { category: 'url', source: 'url', pattern: /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+[^\s<>"')\].,;:!?]/giu },
  { category: 'url', source: 'domain', pattern: /\b[a-z0-9][a-z0-9-]{1,62}\.(?:com|org|net|io|edu|gov|info|co\.uk|org\.uk|nhs\.uk|com\.au|ca|de|fr|nl|ie|nz)\b(?:\/[^\s<>"')\]]*[^\s<>"')\].,;:!?])?/giu },
  { category: 'url', source: 'ip', pattern: /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g },
  { category: 'id', source: 'ssn', pattern: /\b\d{3}-\d{2}-\d{4}\b/g },
  // US Medicare Beneficiary Identifier: 1A23-B45-CD67 shape.
  { category: 'id', source: 'mbi', pattern: /\b[1-9][A-Z][A-Z0-9]\d-?[A-Z][A-Z0-9]\d-?[A-Z]{2}\d{2}\b/g },
  {
    category: 'id', source: 'cued-number',
    pattern: new RegExp(String.raw`\b${ID_CUE}\b(?:[ \t]+(?:number|no\.?|num|#|code|id))?(?:[ \t]+(?:is|was|reads|ends in|ending in))?[ \t]*[:#]?[ \t]*((?:[A-Z]{1,4}[ -]?)?\d[\d -]{2,20}\d(?:[ -]?[A-Z]{1,3}\b)?|[A-Z0-9]*\d[A-Z0-9-]*)`, 'giu'),
    group: 1,
    accept: (match) => digitsIn(match[1]) >= 3,
  },
  // A code after "number", "no.", "ref" or "code" whatever names it ("care plan number is OG-55102"): letters with
  // digits, or five digits or more, so "number 3" and "room number 214" stay. Case-sensitive, so "number of 120"
  // is no code.
  {
    category: 'id', source: 'number-code',
    pattern: /\b(?:[Nn]umber|[Nn]o\.?|[Nn]um|[Rr]ef(?:erence)?|[Cc]ode|MRN|ID)(?:[ \t]+(?:is|was|reads|it's|it’s))?[ \t]*[:#]?[ \t]*((?:[A-Z]{1,4}[ -]?)?\d[\d -]{2,20}\d(?:[ -]?[A-Z]{1,3}\b)?|[A-Z0-9]*\d[A-Z0-9-]*)/gu,
    group: 1,
    accept: (match) => digitsIn(match[1]) >= 5 || (digitsIn(match[1]) >= 3 && /[A-Z]/.test(match[1])),
  },
  { category: 'date', source: 'iso-date', pattern: /\b(?:1[89]|20)\d\d[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12]\d|3[01])\b/g },
  { category: 'date', source: 'numeric-date', pattern: /\b(?:0?[1-9]|[12]\d|3[01])[/.-](?:0?[1-9]|[12]\d|3[01])[/.-](?:(?:19|20)\d\d|\d\d)\b/g },
  {
    category: 'date', source: 'day-month',
    pattern: new RegExp(String.raw`\b${DAY}(?:[ \t]+of)?[ \t]+${MONTH}(?:,?[ \t]+${YEAR})?(?![\p{L}])`, 'giu'),
  },
  {
    category: 'date', source: 'month-day',
    pattern: new RegExp(String.raw`\b${MONTH}[ \t]+(?:the[ \t]+)?${DAY}(?:,?[ \t]+${YEAR})?(?![\p{L}])`, 'giu'),
    // "may 5" in "you may 5 times" is rare; "May" as a month is always capitalised in typed transcripts.
    accept: (match) => !/^(?:may|march)\b/.test(match[0]),
  },
  { category: 'date', source: 'month-year', pattern: new RegExp(String.raw`\b${MONTH}(?:[ \t]+of)?,?[ \t]+${YEAR}\b`, 'gu') },
  // A holiday with its year is a day: "Christmas 2024", "New Year's Eve 2023". Alone it stays.
  // Any named day, eve, night or festival counts, so a holiday missing from the list is still caught with its year.
  { category: 'date', source: 'holiday-year', pattern: new RegExp(String.raw`\b(?:${HOLIDAY}|(?:\p{Lu}[\p{L}'’]+[ \t]+){1,2}(?:Day|Eve|Night|Festival|Sunday|Monday|Friday))(?:[ \t]+of)?,?[ \t]+(?:1[89]\d\d|20\d\d)\b`, 'gu') },
  { category: 'date', source: 'day-alone', pattern: /\b(?:on|since|until|till|by|from|before|after)[ \t]+the[ \t]+((?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th))\b/giu, group: 1 },
  { category: 'date', source: 'slash-date', pattern: /\b(?:on|since|until|till|by|from|before|after)[ \t]+((?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01]))\b/giu, group: 1 },
  {
    category: 'age', source: 'age-number',
    pattern: /\b(9\d|1[01]\d)(?=[ \t-]*(?:years?|yrs?)(?:[ \t-]*old)?\b|[ \t]+(?:this|next|last)[ \t]+(?:year|month|week|birthday)\b)/giu,
    group: 1,
  },
  { category: 'age', source: 'age-cue', pattern: /\b(?:aged?|turn(?:ed|s|ing)?|she's|he's|they're|I'm|is|was|be|at)[ \t]+(9\d|1[01]\d)\b(?![.,]?\d|[ \t]*%|[ \t]*(?:percent|pounds|dollars|minutes|mg|kg|lbs|miles|times))/giu, group: 1 },
  { category: 'age', source: 'age-words', pattern: /\b(?:ninety(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|a hundred(?: and \w+)?|one hundred(?: and \w+)?)(?=[ \t-]*(?:years?[ \t-]*old|this year|next month|next year)\b)/giu },
  { category: 'age', source: 'age-words-cue', pattern: /\b(?:turn(?:ed|s|ing)?|aged?)[ \t]+((?:ninety(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|a hundred))\b/giu, group: 1 },
  {
    category: 'phone', source: 'phone',
    pattern: /(?:\+\d{1,3}[ .-]?|\b1[ .-])?(?:\(\d{2,5}\)[ .-]?)?\b\d{2,6}(?:[ .-]\d{2,6}){0,2}[ .-]\d{1,6}\b/g,
    accept: (match) => digitsIn(match[0]) >= 7 && digitsIn(match[0]) <= 15,
  },
  { category: 'id', source: 'long-number', pattern: /\b\d{6,}\b/g },
  { category: 'place', source: 'street-address', pattern: /\b\d{1,5}[A-Za-z]?,?[ \t]+(?:[A-Z][\p{L}'’-]*[ \t]+){1,3}(?:Street|Road|Avenue|Lane|Drive|Boulevard|Way|Court|Close|Crescent|Place|Terrace|Square|Parkway|Highway|Row|Gardens|Grove|Walk|(?:St|Rd|Ave|Ln|Dr|Blvd|Ct|Pl|Pkwy|Hwy)\b\.?)(?![\p{L}])/gu },
  { category: 'place', source: 'street-prefix', pattern: /\b(?:\d{1,5}[ \t]+)?(?:Calle|Avenida|Av\.|Rua|Rue|Via|Viale|Piazza|Plaza|Strasse|Straße|Jalan|Boulevard)[ \t]+(?:(?:de|del|la|las|los|da|do|des|du)[ \t]+)?[A-Z][\p{L}'’-]*(?:[ \t]+[A-Z][\p{L}'’-]*){0,2}(?:[ \t]+\d{1,5})?/gu },
  { category: 'place', source: 'street', pattern: /\b(?:[A-Z][\p{L}'’-]*[ \t]+){1,3}(?:Street|Road|Avenue|Lane|Drive|Boulevard|Crescent|Terrace|Parkway|Highway|Gardens|Grove)\b/gu },
  { category: 'place', source: 'postcode-uk', pattern: /\b[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[ABD-HJLNP-UW-Z]{2}\b/g },
  { category: 'place', source: 'zip', pattern: /\b(?:[A-Z]{2}|zip(?:[ \t]+code)?|zipcode)[ \t]+(\d{5}(?:-\d{4})?)\b/g, group: 1 },
  {
    category: 'place', source: 'institution',
    pattern: /\b(?:(?:St\.?|Saint)[ \t]+)?(?:[A-Z][\p{L}'’&.-]*[ \t]+(?:(?:of|the|and|for|de|la)[ \t]+)?){1,4}(?:Hospital|Infirmary|Clinic|Medical Cent(?:er|re)|Health Cent(?:er|re)|Surgery|High School|Primary School|Middle School|Elementary|School|Academy|College|University|Institute|Church|Mosque|Temple|Synagogue|Gurdwara|Prison|Hospice|Centre|Center|Ltd|Inc|Corporation|Company|Bank|Pharmacy|Chemists?|Dental|Dentistry|Dentists|Opticians?|Physio|Physiotherapy|Salon|Garage|Bakery|Caf[eé]|Group|Vets|Veterinary|Mall|Park|Station|Airport)\b/gu,
  },
  { category: 'place', source: 'institution-of', pattern: /\b(?:University|College|Hospital|Bank|Church|School)[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][\p{L}'’-]*(?:[ \t]+[A-Z][\p{L}'’-]*){0,3}/gu },
  // "the Sainsbury's in town", "at the Nando's by the station": a shop or chain by its owner's name, where nothing
  // after the possessive says what is owned.
  { category: 'place', source: 'possessive-business', pattern: /\b(?:at|from|to|in|outside|near)[ \t]+the[ \t]+((?:\p{Lu}[\p{L}-]*[ \t]+){0,2}\p{Lu}[\p{L}-]+['’]s)(?=[ \t]+(?:in|on|at|near|by|off|round|up|and|for|until|till|every|today|tonight|again|now|last|next|this)\b|[ \t]*[.,;!?]|[ \t]*$)/gmu, group: 1 },
  { category: 'place', source: 'employer', pattern: /\b(?:work(?:s|ed|ing)?|job|shift|shifts|hired|employed)[ \t]+(?:at|for|with)[ \t]+(?:the[ \t]+)?([A-Z][\p{L}\p{N}'’&-]*(?:[ \t]+(?:&[ \t]+)?[A-Z][\p{L}\p{N}'’&-]*){0,3})/gu, group: 1 },
];

/** What a group is for, not whose it is. */
const GROUP_KINDS = new Set(['support', 'therapy', 'peer', 'recovery', 'bereavement', 'grief', 'walking', 'running', 'family', 'families',
  'parents', 'parent', 'carers', 'carer', "men's", "women's", 'youth', 'study', 'reading', 'book', 'prayer', 'focus', 'skills', 'art',
  'music', 'self-help', 'step', 'online', 'dbt', 'cbt', 'aa', 'na', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'morning', 'evening', 'weekly', 'the', 'a', 'our', 'my', 'community', 'women', 'men', 'mums', 'dads', 'anxiety', 'trauma']);

/** "the Support Group", "Tuesday Group": a group named only by what it is for or when it meets, no place. */
export function isKindOfGroup(text: string): boolean {
  const words = text.toLowerCase().split(/[ \t]+/).map((word) => word.replace(/[^\p{L}'’-]/gu, ''));
  return /^groups?$/.test(words[words.length - 1]) && words.slice(0, -1).every((word) => GROUP_KINDS.has(word));
}

/** Words that open an institution's match by accident: "The", "My", sentence starts. */
const LEADING_NOISE = /^(?:(?:The|My|Our|Your|His|Her|Their|This|That|At|In|To|From|And|But|So|Then|Now|Well|Yeah|Yes|No|Oh|Um|Uh|Like|Because|When|After|Before|Since|If|It|I|We|They|He|She|You)[ \t]+)+/u;

export function findPatterns(text: string): Detection[] {
  const found: Detection[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let match = rule.pattern.exec(text); match; match = rule.pattern.exec(text)) {
      if (match[0].length === 0) {
        rule.pattern.lastIndex++;
        continue;
      }
      if (rule.accept && !rule.accept(match)) {
        // A refused match must not hide one that starts inside it ("hospital and … licence number 123").
        rule.pattern.lastIndex = match.index + 1;
        continue;
      }
      const part = rule.group === undefined ? match[0] : match[rule.group];
      if (!part) continue;
      let start = match.index + (rule.group === undefined ? 0 : match[0].indexOf(part));
      let value = part;
      // "working with Dr. Fields" names a person, found by the title rule: the employer is only a capitalised name.
      if (rule.source === 'employer' && /^(?:Dr|Doctor|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|The|My|Our|His|Her|Their)\b/u.test(part)) continue;
      if (rule.source === 'institution' || rule.source === 'street') {
        const noise = LEADING_NOISE.exec(value);
        if (noise) {
          start += noise[0].length;
          value = value.slice(noise[0].length);
        }
        // "Centre", "Park" or "Station" alone after a noise word is no name.
        if (!/[ \t]/.test(value)) continue;
        // "the Support Group", "Peer Group": a group named only by its kind is no place.
        if (/Group$/u.test(value) && isKindOfGroup(value)) continue;
      }
      found.push({ start, end: start + value.length, category: rule.category, text: value, source: rule.source });
    }
  }
  return found;
}
