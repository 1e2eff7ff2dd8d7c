// The 3RS repair moves by name (Eubanks, Muran & Safran, 2015): what reports and the panel call each move. Their
// match patterns live in the nlp layer (coding/repair-moves.json), so naming a move loads neither the patterns nor
// the engine; a unit test keeps the two lists' ids equal.
export interface RepairMoveName {
  id: string;
  strategy: string;
  reference: string;
}

export const REPAIR_MOVE_NAMES: readonly RepairMoveName[] = [
  { id: 'invite-feelings', strategy: "Inviting the client's feelings about the therapy or the relationship", reference: '3RS resolution strategy: inviting the patient to discuss thoughts or feelings about the therapy or the therapist' },
  { id: 'acknowledge-own-part', strategy: "Acknowledging the therapist's own part in the rupture", reference: '3RS resolution strategy: the therapist acknowledges their contribution to the rupture' },
  { id: 'rationale', strategy: 'Giving a rationale for the task or the question', reference: '3RS resolution strategy: clarifying a misunderstanding or providing a rationale for a task' },
  { id: 'change-task', strategy: 'Changing the task or the topic', reference: '3RS resolution strategy: changing tasks or goals' },
  { id: 'empathic-reflection', strategy: 'An empathic reflection of the rupture itself', reference: "3RS resolution strategy: validating the patient's defensive posture / reflecting the rupture" },
];

/** "Changing the task or the topic" for "change-task"; an unknown id is shown as itself. */
export function repairStrategyName(id: string): string {
  return REPAIR_MOVE_NAMES.find((move) => move.id === id)?.strategy ?? id;
}
