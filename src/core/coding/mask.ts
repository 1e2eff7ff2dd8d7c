// Non-verbal marks ([laughs], (pause), [inaudible 00:12:01], [crosstalk]) stay in the transcript but are not
// language. The transcript module owns the one definition of a mark (countWords uses it too), so the coder
// analyses exactly what the word counts count: marks blanked with spaces of the same length, offsets preserved.
export { maskNonVerbal } from '../transcript/nonverbal';
