/**
 * `giacheck generate --cases N --seed S --region R`: a synthetic export for demos, training and
 * the benchmark (src/generate). Same options, same bytes.
 */
import { Command, Option } from 'commander';
import { addMonths, dutchDate, isoDate } from '../calendar/days.js';
import { formatNumber, getLang, t } from '../i18n/index.js';
import '../i18n/catalog/generate.js';
import { UserError } from '../errors.js';
import { GENERATE_FORMATS, GenerateOptions, resolveGenerateOptions, writeSynthetic } from '../generate/index.js';
import { addGlobalOptions, GlobalOptions } from './common.js';
import { openOutput } from './output.js';
import { bundledProfileList, regionalProfileIds } from '../profile/load.js';
import { processIo, type Io, type Run } from './io.js';

interface GenerateCliOptions extends GenerateOptions, GlobalOptions {
  output?: string;
}

export function register(program: Command, run: Run): void {
  const cmd = program
    .command('generate')
    .description(t('cmd.generate'))
    .option('--cases <n>', t('gen.opt.cases'), '1000')
    .option('--seed <tekst>', t('gen.opt.seed'), '1')
    .option('--region <id>', t('gen.opt.region', { regions: bundledProfileList(regionalProfileIds()) }))
    .option('--profile <pad>', t('gen.opt.profile'))
    .option('--until <jjjj-mm-dd>', t('gen.opt.until'))
    .option('--months <n>', t('gen.opt.months'), '24')
    .option('--invalid <aandeel>', t('gen.opt.invalid'), '0')
    .addOption(new Option('--format <formaat>', t('gen.opt.format')).choices([...GENERATE_FORMATS]).default('csv'))
    .option('--output <bestand>', t('gen.opt.output'));
  addGlobalOptions(cmd);
  cmd.action(async (opts: GenerateCliOptions) => {
    run.exitCode = await runGenerate(opts, run.io);
  });
}

export async function runGenerate(opts: GenerateCliOptions, io: Io = processIo()): Promise<number> {
  const { synthesis, format } = resolveGenerateOptions(opts);
  if (format === 'xlsx' && (!opts.output || opts.output === '-')) {
    throw new UserError(t('error.binaryToStdout', { format }));
  }
  const out = openOutput(opts.output, io.stdout);
  try {
    const rows = await writeSynthetic(synthesis, format, out);
    await out.close();
    if (!opts.quiet) {
      const date = getLang() === 'nl' ? dutchDate : isoDate;
      io.stderr.write(
        'giacheck: ' +
          t('gen.done', {
            rows: formatNumber(rows),
            profile: synthesis.profile.id,
            seed: synthesis.seed,
            from: date(addMonths(synthesis.until, -synthesis.months) + 1),
            until: date(synthesis.until),
            target: opts.output && opts.output !== '-' ? opts.output : t('gen.stdout'),
          }) +
          '\n',
      );
    }
    return 0;
  } catch (e) {
    out.abort();
    throw e;
  }
}
