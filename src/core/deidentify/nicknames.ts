// Common English nicknames of given names, written for this project: a client declared as "Robert" is "Bob" in
// the session, and both must become the same stand-in. No maintained nickname package exists on npm (the lists
// there are generators of gamer tags), so this short table covers the frequent pairs; --names adds the rest.
import { isOrdinaryWord } from './lexicon';

const NICKNAMES: Record<string, readonly string[]> = {
  robert: ['bob', 'bobby', 'rob', 'robbie', 'robby', 'bert', 'bertie'],
  elizabeth: ['liz', 'lizzie', 'lizzy', 'beth', 'betty', 'betsy', 'bette', 'eliza', 'libby', 'elsie', 'lisa'],
  william: ['will', 'willie', 'willy', 'bill', 'billy', 'liam'],
  richard: ['rick', 'ricky', 'rich', 'richie', 'dick', 'dickie'],
  james: ['jim', 'jimmy', 'jamie', 'jimbo'],
  john: ['jack', 'johnny', 'jon'],
  michael: ['mike', 'mikey', 'mick', 'micky', 'mickey'],
  margaret: ['maggie', 'meg', 'peggy', 'peg', 'marge', 'margie', 'greta', 'madge'],
  katherine: ['kate', 'katie', 'kathy', 'kat', 'kit', 'kitty'],
  catherine: ['cathy', 'cate', 'kate', 'katie', 'cat'],
  thomas: ['tom', 'tommy'],
  charles: ['charlie', 'chuck', 'chas', 'chaz'],
  joseph: ['joe', 'joey', 'jo'],
  edward: ['ed', 'eddie', 'ned', 'ted', 'teddy'],
  anthony: ['tony', 'ant'],
  daniel: ['dan', 'danny'],
  matthew: ['matt', 'matty'],
  christopher: ['chris', 'kit', 'topher'],
  nicholas: ['nick', 'nicky', 'nico'],
  stephen: ['steve', 'stevie'],
  steven: ['steve', 'stevie'],
  andrew: ['andy', 'drew'],
  alexander: ['alex', 'xander', 'sandy', 'sasha'],
  alexandra: ['alex', 'lexi', 'sandra', 'sandy', 'sasha'],
  benjamin: ['ben', 'benny', 'benji'],
  samuel: ['sam', 'sammy'],
  samantha: ['sam', 'sammy'],
  jennifer: ['jen', 'jenny', 'jenn'],
  rebecca: ['becky', 'becca', 'bex'],
  patricia: ['pat', 'patty', 'trish', 'tricia'],
  patrick: ['pat', 'paddy', 'rick'],
  susan: ['sue', 'susie', 'suzy'],
  deborah: ['deb', 'debbie', 'debs'],
  barbara: ['barb', 'babs', 'barbie'],
  dorothy: ['dot', 'dottie', 'dolly'],
  victoria: ['vicky', 'vicki', 'tori'],
  christine: ['chris', 'chrissy', 'tina'],
  christina: ['chris', 'chrissy', 'tina'],
  jessica: ['jess', 'jessie'],
  abigail: ['abby', 'abbie', 'gail'],
  gregory: ['greg'],
  jonathan: ['jon', 'jonny', 'johnny'],
  timothy: ['tim', 'timmy'],
  kenneth: ['ken', 'kenny'],
  ronald: ['ron', 'ronnie'],
  donald: ['don', 'donnie'],
  raymond: ['ray'],
  lawrence: ['larry', 'laurie'],
  frederick: ['fred', 'freddie', 'freddy'],
  henry: ['harry', 'hank'],
  peter: ['pete'],
  david: ['dave', 'davy'],
  douglas: ['doug'],
  gerald: ['gerry', 'jerry'],
  philip: ['phil', 'pip'],
  nathaniel: ['nate', 'nat'],
  theodore: ['theo', 'ted', 'teddy'],
  zachary: ['zach', 'zack'],
  joshua: ['josh'],
  jacob: ['jake'],
  eleanor: ['ellie', 'nell', 'nora'],
  helen: ['nell', 'nellie'],
  mary: ['molly', 'polly', 'mae', 'mamie'],
  sarah: ['sally', 'sadie'],
  grace: ['gracie'],
  isabella: ['bella', 'izzy', 'isa'],
  isabel: ['bella', 'izzy', 'isa'],
  josephine: ['jo', 'josie'],
  frances: ['fran', 'frankie', 'fanny'],
  francis: ['frank', 'frankie'],
  kimberly: ['kim'],
  pamela: ['pam'],
  cynthia: ['cindy'],
  virginia: ['ginny', 'ginger'],
  evelyn: ['evie', 'eve'],
  theresa: ['terri', 'tess', 'tessa'],
  teresa: ['terri', 'tess', 'tessa'],
  valerie: ['val'],
  judith: ['judy', 'jude'],
  penelope: ['penny', 'pen'],
  alfred: ['alf', 'alfie', 'fred'],
  albert: ['al', 'bert', 'bertie'],
  oliver: ['ollie'],
  harold: ['harry', 'hal'],
  leonard: ['len', 'lenny', 'leo'],
  vincent: ['vince', 'vinny'],
  eugene: ['gene'],
  clifford: ['cliff'],
  stanley: ['stan'],
  walter: ['walt', 'wally'],
  louis: ['lou', 'louie'],
  louise: ['lou', 'lulu'],
  antonio: ['tony', 'toni'],
  francisco: ['paco', 'pancho', 'cisco'],
  jose: ['pepe'],
  guadalupe: ['lupe'],
  alejandro: ['alex', 'alejo'],
  mohammed: ['mo'],
  muhammad: ['mo'],
  aleksandr: ['sasha', 'sanya'],
  ekaterina: ['katya'],
  yekaterina: ['katya'],
  dmitri: ['dima'],
};

/** Nicknames that are also everyday words, but seldom used as such in a session. */
const RARELY_ORDINARY = new Set(['bob', 'jimmy', 'sandy', 'paddy', 'gail', 'leo']);

/** The other names a declared name stands for, to be found as that person: not those that are everyday words
 * ("Will", "Frank", "Don" of "Don't"), which would make a sentence's first word a person. */
export function knownNameVariants(word: string): string[] {
  return nameVariants(word).filter((variant) => !isOrdinaryWord(variant) || RARELY_ORDINARY.has(variant));
}

/** The other names the same person may go by: Robert → Bob, Bobby, Rob…; Bob → Robert and Robert's other forms. */
export function nameVariants(word: string): string[] {
  const lower = word.toLowerCase();
  const variants = new Set<string>(NICKNAMES[lower] ?? []);
  for (const [formal, nicknames] of Object.entries(NICKNAMES)) {
    if (!nicknames.includes(lower)) continue;
    variants.add(formal);
    // Bob and Bobby are one person; Kate the nickname of Katherine or Catherine reaches only its own formal name.
    if (formalsOf(lower).length === 1) for (const other of nicknames) variants.add(other);
  }
  variants.delete(lower);
  return [...variants];
}

function formalsOf(nickname: string): string[] {
  return Object.keys(NICKNAMES).filter((formal) => NICKNAMES[formal].includes(nickname));
}
