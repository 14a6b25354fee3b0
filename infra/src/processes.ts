import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const COLOURS = ['\x1b[36m', '\x1b[35m', '\x1b[33m', '\x1b[32m', '\x1b[34m', '\x1b[31m'];
const RESET = '\x1b[0m';
const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const colourOf = (name: string) => (process.stdout.isTTY ? COLOURS[[...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % COLOURS.length]! : '');

/** Turns a pino JSON line into `[name] level message`, keeping other lines as they are. */
function formatLine(name: string, line: string): string {
  const colour = colourOf(name);
  const prefix = `${colour}[${name}]${colour ? RESET : ''}`;
  try {
    const event = JSON.parse(line) as { level?: number; msg?: string; err?: { message?: string } };
    const level = LEVELS[event.level ?? 30] ?? 'info';
    const detail = event.err?.message ? ` — ${event.err.message}` : '';
    return `${prefix} ${level === 'info' ? '' : `${level}: `}${event.msg ?? ''}${detail}`;
  } catch {
    return `${prefix} ${line}`;
  }
}

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Runs `node script args` with extra environment, its output prefixed with its name. */
export function runNode(name: string, script: string, args: string[], env: Record<string, string>): ManagedProcess {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => console.log(formatLine(name, line)));
  }
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { name, child, exited };
}

/** Runs a node script to completion, failing with its name when it exits non-zero. */
export async function runNodeToEnd(name: string, script: string, args: string[], env: Record<string, string>): Promise<void> {
  const code = await runNode(name, script, args, env).exited;
  if (code !== 0) throw new Error(`${name} failed (exit code ${code}).`);
}

/** Polls `url` until it answers 200, or fails after `timeoutMs`. */
export async function waitForHealthy(name: string, url: string, process: ManagedProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void process.exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline) {
    if (exitedEarly) throw new Error(`${name} stopped while starting; see its output above.`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not become healthy at ${url} within ${timeoutMs / 1000} s.`);
}

/** Asks every process to stop (SIGTERM) and waits, killing what is left after `graceMs`. */
export async function stopAll(processes: ManagedProcess[], graceMs = 10_000): Promise<void> {
  for (const { child } of processes) if (child.exitCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => processes.forEach(({ child }) => child.exitCode === null && child.kill('SIGKILL')), graceMs);
  await Promise.all(processes.map(({ exited }) => exited));
  clearTimeout(timer);
}
