/** Where a command-line tool writes: its results, and its errors and usage. */
export interface CommandOutput {
  print(text: string): void;
  error(text: string): void;
}

/**
 * Runs a command-line tool as `npm run` starts it: quiet dotenv, output to stdout and stderr, and the
 * exit code it resolves with, or 2 with the message when it throws.
 */
export function runCommand(command: (output: CommandOutput) => Promise<number>): void {
  process.env.DOTENV_CONFIG_QUIET = 'true';
  const output: CommandOutput = {
    print: (text) => console.log(text),
    error: (text) => console.error(text),
  };
  command(output).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      output.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 2;
    },
  );
}
