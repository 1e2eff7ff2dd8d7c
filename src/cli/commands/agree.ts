// `alliance-lens agree`: agreement between two coders on one transcript (two coders in one sidecar, one coder in
// each of two sidecars, or a coder against the automatic codes), per code and overall, with the disagreements.
import * as path from 'path';
import { parseArgs } from 'util';
import { automaticSide, compareCoders, type CoderSide, type CompareOptions } from '../../core/annotations/agreement';
import { roleOfCode } from '../../core/annotations/code-roles';
import { codersIn, humanCodesByUtterance, reviewedUtterances } from '../../core/annotations/human-codes';
import { transcriptPathFor, type Sidecar } from '../../core/annotations/sidecar';
import type { Analysis } from '../../core/types';
import { InputError, orphanWarning, placeOn, readCodedTranscript, readSidecar } from '../annotation-files';
import { formatAgreementMarkdown } from '../../core/reports/annotations';
import { UsageError, type CliCommand } from '../command';

const usage = `Usage: alliance-lens agree SIDECAR [SIDECAR] [--coders A,B] [--auto [--all]] [--format markdown|json]

Agreement between two coders on one transcript: Cohen's kappa and Krippendorff's alpha over utterances (code
present or absent) and % agreement for each code, a pooled overall figure, and every disagreement with its line.
Each code is compared only over the utterances of the role it applies to (therapist codes over therapist turns,
client talk and ruptures over client turns); the report says how many were compared and warns when too few.
  SIDECAR          a <transcript>.alliance.json (or the transcript itself); the transcript sits beside it
  one SIDECAR      compares the two coders in it (name them with --coders when there are more)
  two SIDECARs     compares a coder from each (name them with --coders A,B when a sidecar has several)
  --auto           compares one coder (--coders A, or the only one) with the automatic codes, over the
                   utterances that coder reviewed (coded, accepted or rejected)
  --all            with --auto: over every utterance, counting what the coder left alone as "code absent"
  --format         markdown (default) or json`;

export const agreeCommand: CliCommand = {
  name: 'agree',
  summary: 'Agreement (Cohen\'s kappa, Krippendorff\'s alpha, % agreement) between two coders, or a coder and the automatic codes',
  usage,
  async run(args, io) {
    const { values, positionals } = parseOptions(args);
    if (positionals.length < 1 || positionals.length > 2) throw new UsageError('give one or two sidecar files');
    const format = values.format ?? 'markdown';
    if (format !== 'markdown' && format !== 'json') throw new UsageError(`unknown format '${format}'`);
    const named = values.coders ? values.coders.split(',').map((name) => name.trim()).filter(Boolean) : [];
    try {
      const first = readCodedTranscript(positionals[0]!);
      const sidecars: Sidecar[] = [first.sidecar ?? missing(first.sidecarPath)];
      const warnings = [orphanWarning(first.sidecarPath, first.orphaned)];
      if (positionals[1]) {
        const secondPath = transcriptPathFor(positionals[1]) === null ? `${positionals[1]}.alliance.json` : positionals[1];
        const second = placeOn(readSidecar(secondPath), first.text, first.analysis);
        sidecars.push(second.sidecar);
        warnings.push(orphanWarning(secondPath, second.orphaned));
      }
      for (const warning of warnings) if (warning) io.stderr(warning);
      if (values.all && !values.auto) throw new UsageError('--all goes with --auto (two coders are always compared over every utterance)');
      const sides = chooseSides(sidecars, named, Boolean(values.auto), first.analysis);
      const options: CompareOptions = { roleOf: (code) => roleOfCode(code) };
      if (values.auto && !values.all) options.reviewed = reviewedUtterances(sidecars[0]!, first.analysis.utterances, sides[0].name);
      const report = compareCoders(first.analysis.utterances, sides[0], sides[1], options);
      const relative = path.basename(first.transcriptPath);
      io.stdout(format === 'json'
        ? `${JSON.stringify({ file: first.transcriptPath, ...report }, null, 2)}\n`
        : formatAgreementMarkdown(report, { title: `Agreement: ${relative}`, link: (line) => `${encodeURI(relative)}#L${line}` }));
      return 0;
    } catch (error) {
      if (error instanceof InputError) {
        io.stderr(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  },
};

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, allowPositionals: true, options: { coders: { type: 'string' }, auto: { type: 'boolean' }, all: { type: 'boolean' }, format: { type: 'string' } } });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function missing(sidecarPath: string): never {
  throw new InputError(`${sidecarPath}: no sidecar: nobody has coded this transcript in Alliance Lens yet`);
}

function chooseSides(sidecars: Sidecar[], named: string[], auto: boolean, analysis: Analysis): [CoderSide, CoderSide] {
  const side = (sidecar: Sidecar, name: string): CoderSide => {
    if (!codersIn(sidecar).includes(name)) throw new UsageError(`no coder '${name}' in the sidecar (coders: ${codersIn(sidecar).join(', ') || 'none'})`);
    return { name, codes: humanCodesByUtterance(sidecar, analysis.utterances).get(name) ?? new Map() };
  };
  const only = (sidecar: Sidecar): string => {
    const coders = codersIn(sidecar);
    if (coders.length !== 1) throw new UsageError(`name the coder with --coders (this sidecar has ${coders.length ? coders.join(', ') : 'no coders'})`);
    return coders[0]!;
  };
  if (auto) {
    if (sidecars.length > 1) throw new UsageError('--auto compares one sidecar\'s coder with the automatic codes: give one sidecar');
    return [side(sidecars[0]!, named[0] ?? only(sidecars[0]!)), automaticSide(analysis.utterances)];
  }
  if (sidecars.length === 2) {
    return [side(sidecars[0]!, named[0] ?? only(sidecars[0]!)), side(sidecars[1]!, named[1] ?? named[0] ?? only(sidecars[1]!))];
  }
  const coders = named.length ? named : codersIn(sidecars[0]!);
  if (coders.length !== 2) throw new UsageError(`name two coders with --coders A,B (this sidecar has ${codersIn(sidecars[0]!).join(', ') || 'no coders'})`);
  return [side(sidecars[0]!, coders[0]!), side(sidecars[0]!, coders[1]!)];
}
