import { spawnSync, type SpawnSyncOptions } from "node:child_process";

/** Runs a command with its output shown; throws with the command line if it fails. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): void {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) throw new Error(`could not run ${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const said = result.stderr ? `:\n${result.stderr.toString().trim()}` : "";
    throw new Error(`\`${[command, ...args].join(" ")}\` failed with exit code ${result.status}${said}`);
  }
}

/** Runs a command and gives its standard output, or undefined if it cannot run. */
export function output(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** A command's entry point: its failure is one readable line and exit code 1, not a stack. */
export function runMain(what: string, main: () => void | Promise<void>): void {
  const fail = (error: unknown) => {
    console.error(`${what} failed: ${(error as Error).message}`);
    process.exit(1);
  };
  try {
    main()?.catch(fail);
  } catch (error) {
    fail(error);
  }
}
