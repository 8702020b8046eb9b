/**
 * Issue 16.9: a device or a pipe where a file is needed (profile, mapping, answers, a profile to
 * lint, a saved report) is refused at once with one line, instead of hanging and growing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const DEMO = 'fixtures/demo/zuid-limburg-demo.csv';
const fifo = join(mkdtempSync(join(tmpdir(), 'giacheck-fifo-')), 'pipe.yaml');
execFileSync('mkfifo', [fifo]);

const CASES: [string, (dev: string) => string[]][] = [
  ['--profile', (dev) => ['check', DEMO, '--profile', dev, '--as-of', '2026-11-01']],
  ['--mapping', (dev) => ['check', DEMO, '--region', 'zuid-limburg', '--mapping', dev, '--as-of', '2026-11-01']],
  ['triage --answers', (dev) => ['triage', '--region', 'zuid-limburg', '--answers', dev]],
  ['rules lint', (dev) => ['rules', 'lint', dev]],
  ['compare', (dev) => ['compare', dev, dev]],
];

describe('non-regular files are refused where a file is needed', () => {
  for (const [what, args] of CASES) {
    for (const dev of ['/dev/zero', fifo]) {
      it(`${what} ${dev === fifo ? 'a named pipe' : dev}: exit 2, one line naming it`, async () => {
        const r = await giacheck(args(dev));
        expect(r.code).toBe(2);
        expect(r.stderr.trim().split('\n')).toHaveLength(1);
        expect(r.stderr).toContain(`${dev}: is geen gewoon bestand (een apparaat, pijp of socket)`);
      });
    }
  }
  it('in English with --lang en', async () => {
    const r = await giacheck(['check', DEMO, '--region', 'zuid-limburg', '--mapping', '/dev/zero', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/zero: is not a regular file (a device, pipe or socket); give a file');
  });
});
