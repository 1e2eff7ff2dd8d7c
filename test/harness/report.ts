// The plain closing line CI reads to count tests: `label: N passed, N failed`, alone on its line.
export function printClosingLine(label: string, passed: number, failed: number): void {
  console.log(`${label}: ${passed} passed, ${failed} failed`);
}
