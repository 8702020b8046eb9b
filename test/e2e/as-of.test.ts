/** Issue 13 point 11: --as-of takes dd-mm-jjjj as well as jjjj-mm-dd. */
import { describe, expect, it } from 'vitest';
import { giacheck } from '../helpers/cli.js';

const BASE = ['check', 'fixtures/demo/zuid-limburg-demo.csv', '--region', 'zuid-limburg', '--format', 'json', '--fail-on', 'never'];

describe('--as-of', () => {
  it.each(['2026-11-01', '01-11-2026', '1-11-2026'])('%s is 1 November 2026', async (value) => {
    const r = await giacheck([...BASE, '--as-of', value]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).peildatum).toBe('2026-11-01');
  });

  it.each(['31-02-2026', '2026-02-31', '11/01/2026', '01-11-26'])('%s is refused in one line', async (value) => {
    const r = await giacheck([...BASE, '--as-of', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`giacheck: --as-of "${value}": verwacht een bestaande datum als jjjj-mm-dd of dd-mm-jjjj\n`);
  });
});
