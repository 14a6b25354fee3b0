/** Runs a command's main(), printing a failure as one line and exiting non-zero. */
export function runCli(main: () => Promise<void> | void): void {
  Promise.resolve()
    .then(main)
    .catch((error: unknown) => {
      console.error(`povgraph: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
}
