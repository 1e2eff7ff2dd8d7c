// Places without capitals or without a pattern's shape: the gazetteer (towns that are everyday words need a place
// cue), employers named by a site, and named homes, wards and practices; with the words that must stay.
import * as assert from 'assert';
import { emptyKey } from '../../../src/core/deidentify/key';
import { deidentifyTranscript } from '../../../src/core/deidentify/transcript';

/** Enough lower-case talk around the line that the transcript reads as speech-to-text output. */
const FILLER = 'speaker 1: okay so we have a bit of time left today and i wanted to check in about how things have been going for you this week';

function placesIn(lines: readonly string[]): string[] {
  const result = deidentifyTranscript([FILLER, ...lines, FILLER].join('\n'), { key: emptyKey() });
  if (!result.ok) throw new Error(result.error);
  return result.replacements.filter((replacement) => replacement.category === 'place').map((replacement) => replacement.original);
}

function replacedIn(text: string): string[] {
  const result = deidentifyTranscript(text, { key: emptyKey() });
  if (!result.ok) throw new Error(result.error);
  return result.replacements.map((replacement) => replacement.original);
}

describe('de-identification: places', () => {
  it('finds towns and countries in lower-case speech, and a town that is a word only after a place cue', () => {
    const found = placesIn([
      'speaker 2: we drove up from kettering and my sister still lives near darlington with the kids',
      'speaker 2: then we moved to reading for his job and before that i grew up in bath',
      'speaker 2: his family is from milton keynes but they went back to ukraine last spring',
    ]);
    assert.deepStrictEqual(found, ['kettering', 'darlington', 'reading', 'bath', 'milton keynes', 'ukraine']);
  });

  it('keeps everyday words that are also towns when nothing says a place is meant', () => {
    const found = placesIn([
      'speaker 2: i was reading in the bath and honestly it was nice to just stop for once',
      'speaker 2: i live in hope that march will be easier and we had turkey on sunday',
      'speaker 2: the china cabinet broke and my friends outside of band laughed at the ping pong table',
    ]);
    assert.deepStrictEqual(found, []);
  });

  it('in capitalised text takes an everyday town only capitalised after a cue', () => {
    assert.deepStrictEqual(replacedIn('T: Where did you go?\nC: We moved to Reading when I was small.\nT: Right.\nC: Reading helps me sleep now.\n'), ['Reading']);
  });

  it('finds an employer named by its site, never a generic one', () => {
    const found = placesIn([
      'speaker 2: he does nights at the amazon warehouse and i pick up shifts at the tesco depot',
      'speaker 2: the post office closed and the car factory and the sorting office are hiring',
    ]);
    assert.deepStrictEqual(found, ['amazon warehouse', 'tesco depot']);
    assert.deepStrictEqual(replacedIn('T: Where?\nC: I work at the Amazon warehouse.\nT: And before?\nC: I was on Instagram all day.\n'), ['Amazon warehouse']);
  });

  it('finds a named home, ward or practice, and leaves kinds of place, courts and someone\'s house', () => {
    const typed = [
      'T: Where is your dad now?',
      'C: He moved into Hollybank Lodge in the spring, and before that he was on Birch Ward.',
      'T: And your own doctor?',
      'C: Dr. Oyelaran at Canal Side Practice. We watched the White House news, then the Court order came.',
      'T: Family Court again?',
      'C: Yes, and then back to Nan\'s House and the Care Home, and the Centre was shut, so I stayed at home.',
    ].join('\n');
    const found = replacedIn(typed);
    assert.deepStrictEqual(found, ['Hollybank Lodge', 'Birch Ward', 'Oyelaran', 'Canal Side Practice']);
    assert.deepStrictEqual(placesIn([
      'speaker 2: mum is at meadowside manor now and her friend went into ashgrove care home',
      'speaker 2: i just want to get back home and sit in the old manor garden with a care home leaflet',
    ]), ['meadowside manor', 'ashgrove care home']);
  });
});
