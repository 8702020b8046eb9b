/**
 * Commander's own texts in the user's language: the section titles and "(default: …)" of --help,
 * the help option and command, and its error messages (unknown command or option, missing
 * argument, …) mapped to catalogue texts, each one line. Every command's help ends with examples.
 */
import { Help, type Argument, type Command, type Option } from 'commander';
import { t } from '../i18n/index.js';
import '../i18n/catalog/usage.js';
import { regionalProfileIds } from '../profile/load.js';

const TITLES: Record<string, string> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Global Options:': 'help.globalOptions',
};

/** Whether a description already names its default ("(standaard 14)"), so it is not shown twice. */
function namesDefault(description: string): boolean {
  return /\b(standaard|default)\b/i.test(description);
}

function withExtra(description: string, extra: string[]): string {
  if (!extra.length) return description;
  const text = `(${extra.join(', ')})`;
  return description ? `${description} ${text}` : text;
}

function optionDescription(option: Option): string {
  const extra: string[] = [];
  const described = namesDefault(option.description);
  if (option.argChoices && !option.description.includes(option.argChoices.join(', '))) {
    extra.push(t('help.choices', { choices: option.argChoices.join(', ') }));
  }
  const shown = option.required || option.optional;
  if (option.defaultValue !== undefined && shown && !described) {
    extra.push(t('help.default', { value: option.defaultValueDescription ?? String(option.defaultValue) }));
  }
  return withExtra(option.description, extra);
}

function argumentDescription(argument: Argument): string {
  const extra: string[] = [];
  if (argument.argChoices) extra.push(t('help.choices', { choices: argument.argChoices.join(', ') }));
  if (argument.defaultValue !== undefined && !namesDefault(argument.description)) {
    extra.push(t('help.default', { value: argument.defaultValueDescription ?? String(argument.defaultValue) }));
  }
  return withExtra(argument.description, extra);
}

const base = Help.prototype;

/** --help in the current language for this command and every command under it. */
export function localizeHelp(program: Command): void {
  const config = {
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]) : title),
    commandUsage(this: Help, cmd: Command) {
      return base.commandUsage.call(this, cmd).replace('[options]', t('help.optionsArg')).replace('[command]', t('help.commandArg'));
    },
    subcommandTerm(this: Help, cmd: Command) {
      return base.subcommandTerm.call(this, cmd).replace('[options]', t('help.optionsArg'));
    },
    optionDescription,
    argumentDescription,
  };
  const visit = (cmd: Command) => {
    // a command copies its parent's help settings when it is created, so set them on each
    cmd.configureHelp(config);
    cmd.helpOption('-h, --help', t('help.helpOption'));
    if (cmd.commands.length) cmd.helpCommand('help [opdracht]', t('help.helpCommand'));
    const examples = exampleKey(cmd);
    // example regions come from rules/ (src/ names none): the last and the first regional profile
    const regions = regionalProfileIds();
    const params = { region: regions.at(-1) ?? '', region2: regions[0] ?? '' };
    if (examples) cmd.addHelpText('after', '\n' + t('help.examples') + '\n' + t(examples, params).split('\n').map((l) => '  ' + l).join('\n'));
    for (const sub of cmd.commands) visit(sub);
  };
  visit(program);
}

/** The catalogue key of a command's examples: help.ex.<command> or help.ex.<parent>.<command>. */
function exampleKey(cmd: Command): string | undefined {
  const names: string[] = [];
  for (let c: Command | null = cmd; c && c.parent; c = c.parent) names.unshift(c.name());
  const key = names.length ? `help.ex.${names.join('.')}` : 'help.ex.giacheck';
  try {
    t(key);
    return key;
  } catch {
    return undefined;
  }
}

const ERRORS: { re: RegExp; key: string; names: string[] }[] = [
  { re: /^unknown command '(.+?)'/, key: 'cerr.unknownCommand', names: ['name'] },
  { re: /^unknown option '(.+?)'/, key: 'cerr.unknownOption', names: ['option'] },
  { re: /^missing required argument '(.+?)'/, key: 'cerr.missingArgument', names: ['name'] },
  { re: /^option '(.+?)' argument missing/, key: 'cerr.optionMissingArgument', names: ['option'] },
  { re: /^required option '(.+?)' not specified/, key: 'cerr.missingMandatoryOption', names: ['option'] },
  { re: /^option '(.+?)' argument '(.*?)' is invalid\. Allowed choices are (.+?)\.$/, key: 'cerr.invalidChoice', names: ['option', 'value', 'choices'] },
  { re: /^option '(.+?)' argument '(.*?)' is invalid\.(.*)$/, key: 'cerr.invalidArgument', names: ['option', 'value', 'reason'] },
  { re: /^too many arguments(?: for '(.+?)')?\. Expected (\d+) arguments? but got (\d+)\./, key: 'cerr.excessArguments', names: ['command', 'expected', 'got'] },
  { re: /^(.+?) cannot be used with (.+)$/, key: 'cerr.conflictingOption', names: ['option', 'other'] },
];

/**
 * One of commander's error messages ("error: unknown command 'chek'\n(Did you mean check?)") as
 * one line from the catalogue ("onbekende opdracht 'chek'; bedoelde u check? (zie giacheck --help)").
 * An unrecognised message keeps its text.
 */
export function commanderErrorText(raw: string): string {
  const [head, ...rest] = raw.replace(/^error: /, '').trim().split('\n');
  let text = head;
  for (const { re, key, names } of ERRORS) {
    const m = re.exec(head);
    if (!m) continue;
    const params: Record<string, string> = {};
    names.forEach((n, i) => (params[n] = m[i + 1] ?? ''));
    text = t(key, params);
    break;
  }
  const similar = /\(Did you mean (?:one of )?(.+?)\?\)/.exec(rest.join(' '));
  if (similar) text += '; ' + t('cerr.didYouMean', { suggestion: similar[1] });
  return t('cli.usageError', { message: text });
}
