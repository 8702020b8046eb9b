/**
 * `giacheck triage`: the interactive triage wizard (SPEC §7) and its trainer tools: `--explain`
 * prints the tree with sources, `--format mermaid` draws it, `--answers` replays a session
 * non-interactively (outcome screen or `--format json`), `--record` saves a session's answers.
 */
import { Command, Option } from 'commander';
import { input, select } from '@inquirer/prompts';
import { UserError } from '../errors.js';
import { localized, t } from '../i18n/index.js';
import { loadProfile, Profile } from '../profile/load.js';
import { routeLabel } from '../report/messages.js';
import '../i18n/catalog/triage.js';
import { answersYaml, loadAnswers, LoadedAnswers, replayAnswers } from '../triage/answers.js';
import { explainTree, treeJson } from '../triage/explain.js';
import { profilesWithTree, regionList, treeOf } from '../triage/load.js';
import { DIRECTIONS, mermaidTree, type Direction } from '../triage/mermaid.js';
import { buildOutcome } from '../triage/outcome.js';
import { outcomeJson, outcomeSections, pages, type OutcomeSection } from '../triage/render.js';
import { runWizard, WizardIo } from '../triage/wizard.js';
import type { Walk } from '../triage/walk.js';
import type { Day } from '../calendar/days.js';
import { addGlobalOptions, GlobalOptions, parsePeildatum, useColor } from './common.js';
import { openOutput } from './output.js';
import { TOOL } from './version.js';
import { outputWidth, parseWidth } from './width.js';
import { processIo, type Io, type OutStream, type Run } from './io.js';
import { shownIdentifier } from '../privacy/quote.js';

export interface TriageOptions extends GlobalOptions {
  region?: string;
  profile?: string;
  explain?: boolean;
  format?: string;
  answers?: string;
  record?: string;
  asOf?: string;
  output?: string;
  width?: string;
  direction?: string;
  section?: string;
}

export interface TriageIo extends WizardIo {
  stdinIsTTY: boolean;
  /** where the outcome goes without --output */
  stdout: OutStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
  /** rows of the terminal the outcome screen is shown on (to page it) */
  rows?: number;
}

/**
 * Prompts go to the terminal: standard output normally, standard error when standard output is
 * redirected (`giacheck triage > uitkomst.txt`), so the file receives the outcome screen only.
 */
export function triageIo(io: Io): TriageIo {
  const screen = !io.stdout.isTTY && io.stderr.isTTY ? io.stderr : io.stdout;
  const ctx = { input: io.stdin, output: screen };
  return {
    select: ((config, context) => select(config, { ...context, ...ctx })) as typeof select,
    input: ((config, context) => input(config, { ...context, ...ctx })) as typeof input,
    write: (text) => void screen.write(text),
    columns: screen.columns,
    rows: (screen as { rows?: number }).rows,
    stdinIsTTY: Boolean(io.stdin.isTTY),
    stdout: io.stdout,
    stderr: io.stderr,
    env: io.env,
  };
}

export function register(program: Command, run: Run): void {
  const cmd = program
    .command('triage')
    .description(t('cmd.triage'))
    .option('--region <id>', t('opt.triage.region'))
    .option('--profile <pad>', t('opt.profile'))
    .option('--explain', t('opt.triage.explain'))
    .addOption(new Option('--format <formaat>', t('opt.triage.format')).choices(['table', 'json', 'mermaid']).default('table'))
    .option('--answers <bestand>', t('opt.triage.answers'))
    .option('--record <bestand>', t('opt.triage.record'))
    .option('--as-of <jjjj-mm-dd>', t('opt.triage.asOf'))
    .option('--output <bestand>', t('opt.triage.output'))
    .option('--width <n>', t('opt.triage.width'))
    .addOption(new Option('--direction <richting>', t('opt.triage.direction')).choices([...DIRECTIONS]))
    .option('--section <id>', t('opt.triage.section'));
  addGlobalOptions(cmd);
  cmd.action(async (opts: TriageOptions) => {
    run.exitCode = await runTriage(opts, triageIo(run.io));
  });
}

/**
 * The outcome screen a page at a time, each page at most the terminal's height less the two rows
 * of the prompt, so the route, regie and handover items are on screen together and nothing
 * scrolls away unseen; ⏎ shows the next page.
 */
async function showPaged(sections: OutcomeSection[], rows: number, io: TriageIo): Promise<void> {
  const all = pages(sections, rows - 2);
  for (let i = 0; i < all.length; i++) {
    // straight to the terminal (the standard output here), not through the buffered output
    io.write(all[i].lines.join('\n') + '\n');
    if (i + 1 < all.length) {
      await io.input({
        message: t('triage.out.more', { next: all[i + 1].titles[0], page: i + 2, pages: all.length }),
        theme: { prefix: { idle: '', done: '' }, style: { message: (text: string, status: string) => (status === 'done' ? '' : text) } },
      });
    }
  }
}

function isExitPrompt(e: unknown): boolean {
  return e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError');
}

async function pickProfile(opts: TriageOptions, answers: LoadedAnswers | undefined, io: TriageIo, interactive: boolean): Promise<Profile> {
  if (opts.region && opts.profile) throw new UserError(t('error.regionAndProfile'));
  if (opts.region || opts.profile) return loadProfile({ region: opts.region, profile: opts.profile });
  if (answers?.spec.profile) return loadProfile({ region: answers.spec.profile });
  if (!interactive || !io.stdinIsTTY) throw new UserError(t('triage.noRegion', { regions: regionList() }));
  const withTree = profilesWithTree();
  const id = await io.select({
    message: t('triage.pickRegion'),
    choices: withTree.map((p) => ({ value: p.id, name: localized(p.name) })),
  });
  return withTree.find((p) => p.id === id) as Profile;
}

/** The command without commander: returns the exit code; UserErrors propagate to main. */
export async function runTriage(opts: TriageOptions, io: TriageIo = triageIo(processIo())): Promise<number> {
  const format = opts.format ?? 'table';
  if (opts.record && (opts.explain || format === 'mermaid')) throw new UserError(t('triage.recordWithAnswers'));
  const interactive = !opts.answers && !opts.explain && format !== 'mermaid';
  const answers = opts.answers ? loadAnswers(opts.answers) : undefined;
  const defaultMelding = parsePeildatum(opts.asOf);
  const width = parseWidth(opts.width);
  for (const [option, value] of [['--direction', opts.direction], ['--section', opts.section]] as const) {
    if (value !== undefined && format !== 'mermaid') throw new UserError(t('triage.mermaidOnly', { option }));
  }

  try {
    const profile = await pickProfile(opts, answers, io, interactive);
    const tree = treeOf(profile);
    if (answers?.spec.profile && !profile.chain.includes(answers.spec.profile)) {
      throw new UserError(t('triage.profileMismatch', { file: answers.file, file_profile: shownIdentifier(answers.spec.profile), profile: profile.id }));
    }

    let walk: Walk | undefined;
    let melding: Day = answers?.melding ?? defaultMelding;
    if (answers) walk = replayAnswers(tree, answers);

    const out = openOutput(opts.output, io.stdout);
    const colorOut = useColor(opts, out.isTTY, io.env);
    try {
      if (format === 'mermaid') {
        if (opts.section !== undefined) {
          if (!tree.sections?.length) throw new UserError(t('triage.noSections', { profile: profile.id }));
          if (!tree.sections.some((s) => s.id === opts.section)) {
            throw new UserError(t('triage.sectionUnknown', { section: opts.section, sections: tree.sections.map((s) => s.id).join(', ') }));
          }
        }
        out.write(mermaidTree(tree, walk, { direction: opts.direction as Direction | undefined, section: opts.section }));
        await out.close();
        return 0;
      }
      if (opts.explain) {
        out.write(format === 'json' ? JSON.stringify({ tool: TOOL, ...treeJson(profile, tree) }, null, 2) + '\n' : explainTree(profile, tree, { color: colorOut }));
        await out.close();
        return 0;
      }
      if (!walk) {
        if (!io.stdinIsTTY) throw new UserError(t('triage.notTty'));
        // inquirer colours through node:util styleText, which honours NO_COLOR
        if (opts.color === false) io.env.NO_COLOR = '1';
        const session = await runWizard({ profile, tree, defaultMelding, color: useColor(opts, true, io.env) }, io);
        walk = session.walk;
        melding = session.melding;
        io.write('\n');
      }
      const outcome = buildOutcome(profile, tree, walk, melding);
      const expected = answers?.spec.expected?.route;
      const scenario = answers && (answers.spec.title || answers.spec.story)
        ? { ...(answers.spec.title ? { title: localized(answers.spec.title) } : {}), ...(answers.spec.story ? { story: localized(answers.spec.story) } : {}) }
        : undefined;
      if (format === 'json') {
        out.write(JSON.stringify({ tool: TOOL, ...outcomeJson(outcome, { expected, scenario }) }, null, 2) + '\n');
      } else {
        // on a terminal: the summary, laid out for its width and paged to its height (issue 13.16)
        const compact = Boolean(out.isTTY);
        const sections = outcomeSections(outcome, { color: colorOut, expected, scenario, compact, width: outputWidth(width, out, io.stdout) });
        if (compact && io.stdinIsTTY && io.rows) await showPaged(sections, io.rows, io);
        else out.write(sections.flatMap((s) => s.lines).join('\n') + '\n');
      }
      await out.close();
      if (opts.record) {
        const rec = openOutput(opts.record, io.stdout);
        rec.write(answersYaml({ profile: profile.id, melding, walk, tree }));
        await rec.close();
        if (!opts.quiet) io.stderr.write(t('triage.recorded', { file: opts.record }) + '\n');
      }
      if (expected && expected !== outcome.route) {
        io.stderr.write(
          'giacheck: ' +
            t('triage.expectedMismatch', { file: answers?.file ?? '', expected: routeLabel(expected), route: routeLabel(outcome.route) }) +
            '\n',
        );
        return 1;
      }
      return 0;
    } catch (e) {
      out.abort();
      throw e;
    }
  } catch (e) {
    if (isExitPrompt(e)) {
      io.stderr.write('\ngiacheck: ' + t('triage.aborted') + '\n');
      return 130;
    }
    throw e;
  }
}
