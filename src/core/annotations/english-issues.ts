// zod/mini ships no messages ("Invalid input" for everything); the sidecar and codebook readers show their problems
// to people, so they parse with zod's English messages. Passed per parse rather than set globally with z.config,
// so importing core changes nothing for anyone else's zod.
import english from 'zod/v4/locales/en.js';

export const ENGLISH_ISSUES = { error: english().localeError };
