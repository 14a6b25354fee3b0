/**
 * A progress bar on stderr for long command-line work (seeding, exports). On a
 * terminal it redraws one line; elsewhere (CI logs) it prints every 25 %.
 */
export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr) {
  const width = 28;
  const started = Date.now();
  let done = 0;
  let lastQuarter = -1;
  const draw = () => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const percent = Math.floor(ratio * 100);
    const text = `${label} [${'#'.repeat(Math.round(ratio * width)).padEnd(width, '-')}] ${String(percent).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}`;
    if (stream.isTTY) {
      stream.write(`\r${text}`);
    } else if (Math.floor(percent / 25) > lastQuarter) {
      lastQuarter = Math.floor(percent / 25);
      stream.write(`${text}\n`);
    }
  };
  return {
    tick(count = 1) {
      done += count;
      draw();
    },
    finish() {
      done = total;
      draw();
      if (stream.isTTY) stream.write(` ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
    },
  };
}
