// The de-identifier's public face, built on its own as dist/deidentify.js: it carries compromise and a 300 KB name
// lexicon, so the editor loads it only when the user runs "De-identify Transcript…", never at activation.
export { deidentifyTranscript, Deidentifier, type DeidentifyOptions, type DeidentifyResult, type Replacement } from './transcript';
export { detectIdentifiers } from './detect';
export { SAFE_HARBOR, CATEGORIES, type Category, type Detection } from './categories';
