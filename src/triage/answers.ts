/**
 * Answers files: `--answers <yaml>` replays a session, `--record <yaml>` saves one, and the
 * scenario library (fixtures/scenarios) uses the same shape plus a story and the expected route.
 * Problems name the file and the YAML line of the answer concerned.
 */
import { Document, isMap, isPair, isScalar, YAMLMap } from 'yaml';
import { UserError } from '../errors.js';
import { localized, t } from '../i18n/index.js';
import { parseIsoDay, Day, isoDate } from '../calendar/days.js';
import { formatProblem, parseYamlWith, readUserFile, YamlFile } from '../yaml/file.js';
import '../i18n/catalog/triage.js';
import { quotedIdentifier, shownCell, shownIdentifier } from '../privacy/quote.js';
import { AnswersFile, AnswersFileSchema, Tree } from './schema.js';
import { questionOf, replay, ReplayProblem, Walk } from './walk.js';

export interface LoadedAnswers {
  file: string;
  spec: AnswersFile;
  yaml: YamlFile;
  melding?: Day;
}

export function readAnswers(file: string, text: string): LoadedAnswers {
  const { data: spec, yaml } = parseYamlWith(text, file, AnswersFileSchema);
  let melding: Day | undefined;
  if (spec.melding_datum !== undefined) {
    melding = parseIsoDay(spec.melding_datum);
    if (melding === undefined) {
      throw new UserError(formatProblem(yaml.problemAt(['melding_datum'], t('triage.answers.badDate', { value: shownCell(spec.melding_datum, 'date') }))));
    }
  }
  return { file, spec, yaml, melding };
}

export function loadAnswers(file: string): LoadedAnswers {
  return readAnswers(file, readUserFile(file));
}

function problemText(tree: Tree, loaded: LoadedAnswers, p: ReplayProblem): string {
  const at = (path: (string | number)[], message: string) => formatProblem(loaded.yaml.problemAt(path, message));
  switch (p.kind) {
    case 'missing': {
      const q = questionOf(tree, p.node);
      return at(['answers'], t('triage.answers.missing', {
        node: p.node,
        question: localized(q.question),
        choices: q.answers.map((a) => a.id).join(', '),
      }));
    }
    case 'unknownAnswer': {
      const q = questionOf(tree, p.node);
      // an answers file may be any file: its keys and values only as identifiers (issue 16.8)
      return at(['answers', p.node], t('triage.answers.unknown', {
        node: p.node,
        answer: quotedIdentifier(p.answer),
        choices: q.answers.map((a) => a.id).join(', '),
      }));
    }
    case 'unknownNode':
      return at(['answers', p.node], t('triage.answers.noSuchQuestion', { node: shownIdentifier(p.node) }));
    case 'unused':
      return at(['answers', p.node], t('triage.answers.unused', { node: shownIdentifier(p.node) }));
  }
}

/** Replay a loaded answers file on a tree; a problem is a one-line UserError with its location. */
export function replayAnswers(tree: Tree, loaded: LoadedAnswers): Walk {
  const { walk, problems } = replay(tree, loaded.spec.answers);
  if (walk) return walk;
  const [first, ...rest] = problems;
  throw new UserError(problemText(tree, loaded, first) + (rest.length ? ' ' + t('triage.tree.more', { count: rest.length }) : ''));
}

/**
 * The YAML of a recorded session: profile, melding date and the answers in the order asked, each
 * with its question as a comment so a trainer can read and edit the file.
 */
export function answersYaml(opts: { profile: string; melding: Day; walk: Walk; tree: Tree }): string {
  const doc = new Document({
    profile: opts.profile,
    melding_datum: isoDate(opts.melding),
    answers: Object.fromEntries(opts.walk.path.flatMap((p) => (p.kind === 'question' ? [[p.node, p.answer]] : []))),
  });
  doc.commentBefore = ' ' + t('triage.record.header');
  const answers = doc.get('answers', true);
  if (isMap(answers)) {
    for (const pair of (answers as YAMLMap).items) {
      if (isPair(pair) && isScalar(pair.key) && isScalar(pair.value)) {
        const q = questionOf(opts.tree, String(pair.key.value));
        pair.value.comment = ' ' + localized(q.question);
      }
    }
  }
  const dateNode = doc.get('melding_datum', true);
  if (isScalar(dateNode)) dateNode.type = 'QUOTE_DOUBLE';
  return doc.toString({ lineWidth: 0 });
}
