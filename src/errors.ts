/**
 * An error the user can fix: bad input, a bad option, an invalid profile. The CLI prints it as one
 * line on stderr and exits 2; a stack trace only appears with --debug.
 */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
