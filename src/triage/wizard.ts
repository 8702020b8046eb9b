/**
 * The interactive wizard: the melding date (default: --as-of or today), then one question at a
 * time. Each question offers "Uitleg bij deze vraag" (help text, interpretation and source, then
 * the same question again) and "← Vorige vraag" (back to the previous question, or to the date).
 * Steps on the way (crisis, triagetafel) are printed as they are passed. Ctrl-C makes inquirer
 * throw ExitPromptError; the command turns that into exit 130.
 */
import { input as inputPrompt, select as selectPrompt, Separator } from '@inquirer/prompts';
import { Chalk } from 'chalk';
import { Day, isoDate } from '../calendar/days.js';
import { parseDateText } from '../model/values.js';
import { localized, t } from '../i18n/index.js';
import type { Profile } from '../profile/load.js';
import '../i18n/catalog/triage.js';
import type { SourceRef } from './outcome.js';
import type { QuestionNode, Tree } from './schema.js';
import { answerOf, factsOf, nodeOf, PathEntry, questionOf, runThrough, Walk } from './walk.js';

export interface WizardIo {
  select: typeof selectPrompt;
  input: typeof inputPrompt;
  write: (text: string) => void;
  /** terminal width, to wrap help texts */
  columns?: number;
}

export interface WizardOptions {
  profile: Profile;
  tree: Tree;
  defaultMelding: Day;
  color: boolean;
}

export const HELP = '__help';
/** the cursor's starting place: not an answer, so Enter without choosing picks nothing */
export const NONE = '__none';
export const BACK = '__back';

const keysTheme = {
  style: {
    keysHelpTip: (keys: [string, string][]) =>
      keys.map(([key, action]) => `${key} ${t(`triage.key.${action}`)}`).join(' • '),
  },
};

function sourceBlock(profile: Profile, s: SourceRef): string {
  const title = profile.sources[s.document]?.title;
  const head = t('triage.wiz.source', { source: `${s.document} ${s.section}${title ? ` (${title})` : ''}` });
  return s.quote ? `${head} “${s.quote}”` : head;
}

/** Word-wrap `text` to `width` columns, every line indented by `indent`. */
export function wrap(text: string, width: number, indent: string): string {
  const max = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.map((l) => indent + l).join('\n');
}

export function parseMeldingDate(text: string): Day | undefined {
  const p = parseDateText(text.trim());
  return p.ok ? p.value : undefined;
}

export async function runWizard(opts: WizardOptions, io: WizardIo): Promise<{ walk: Walk; melding: Day }> {
  const { tree, profile } = opts;
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  // one column spare: a line exactly as wide as the terminal makes some terminals wrap
  const width = Math.min((io.columns ?? 100) - 1, 110);
  const showSteps = (steps: string[]) => {
    for (const id of steps) {
      const n = nodeOf(tree, id);
      if (n.kind !== 'step') continue;
      io.write(
        `\n${c.cyan('▸ ' + t('triage.out.step', { title: localized(n.title) }))}\n${wrap(localized(n.text), width, '  ')}\n${c.dim(wrap(sourceBlock(profile, n.source), width, '  '))}\n\n`,
      );
    }
  };
  const showHelp = (q: QuestionNode) => {
    const parts = [`\n${c.bold('ℹ ' + localized(q.question))}`, wrap(localized(q.help), width, '  ')];
    if (q.interpretation) parts.push(wrap(`${t('triage.explain.interpretation')}: ${localized(q.interpretation)}`, width, '  '));
    parts.push(c.dim(wrap(sourceBlock(profile, q.source), width, '  ')), '');
    io.write(parts.join('\n') + '\n');
  };

  let melding: Day | undefined;
  let meldingDefault = opts.defaultMelding;
  let path: PathEntry[] = [];
  let stop = '';
  /** question positions for "vorige vraag": where the path stood when the question was asked */
  const stack: { node: string; pathLength: number }[] = [];
  /** the last answer given per question, preselected when the user comes back to it */
  const remembered = new Map<string, string>();

  for (;;) {
    if (melding === undefined) {
      const text = await io.input({
        message: t('triage.wiz.date'),
        default: isoDate(meldingDefault),
        validate: (v) => (parseMeldingDate(v) === undefined ? t('triage.wiz.badDate') : true),
        theme: { validationFailureMode: 'clear' },
      });
      melding = parseMeldingDate(text) as Day;
      const first = runThrough(tree, tree.start);
      path = first.steps.map((s) => ({ node: s, kind: 'step' }));
      stop = first.stop;
      stack.length = 0;
      showSteps(first.steps);
      continue;
    }
    const node = nodeOf(tree, stop);
    if (node.kind === 'outcome') return { walk: { path, outcome: stop, facts: factsOf(tree, path) }, melding };
    const q = questionOf(tree, stop);
    const back = remembered.get(stop);
    const choices = [
      // no answer is preselected as if it were advice (issue 13.16): the cursor starts on this
      // line, which cannot be chosen; coming back to a question, it starts on the earlier answer
      ...(back === undefined ? [{ value: NONE, name: t('triage.wiz.choose'), disabled: ' ' }] : []),
      ...q.answers.map((a) => ({
        value: a.id,
        name: localized(a.label),
        ...(a.help ? { description: wrap(localized(a.help), width, '') } : {}),
      })),
      new Separator(),
      { value: HELP, name: t('triage.wiz.help') },
      { value: BACK, name: stack.length ? t('triage.wiz.back') : t('triage.wiz.backToDate') },
    ];
    const choice = await io.select({
      // wrapped here on word boundaries, continuation lines under the text after "? "
      message: wrap(localized(q.question), width, '  ').slice(2),
      choices,
      ...(back === undefined ? {} : { default: back }),
      loop: false,
      pageSize: choices.length,
      theme: { ...keysTheme, i18n: { disabledError: t('triage.wiz.chooseFirst') } },
    });
    if (choice === HELP) {
      showHelp(q);
      continue;
    }
    if (choice === BACK) {
      const prev = stack.pop();
      if (!prev) {
        meldingDefault = melding;
        melding = undefined;
        continue;
      }
      path = path.slice(0, prev.pathLength);
      stop = prev.node;
      continue;
    }
    const a = answerOf(q, choice);
    if (!a) throw new Error(`triage: no answer ${choice}`);
    remembered.set(stop, a.id);
    stack.push({ node: stop, pathLength: path.length });
    path = [...path, { node: stop, kind: 'question', answer: a.id }];
    const next = runThrough(tree, a.next);
    path.push(...next.steps.map((s): PathEntry => ({ node: s, kind: 'step' })));
    showSteps(next.steps);
    stop = next.stop;
  }
}
