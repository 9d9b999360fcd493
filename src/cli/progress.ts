/**
 * A one-line progress bar on stderr, only on a terminal: logs and pipes (and --json) stay
 * clean. Phases are named in Dutch like the rest of what the operator sees at run time.
 */
const LABELS: Record<string, string> = {
  read: 'lezen',
  check: 'controleren',
  write: 'schrijven',
  done: 'klaar',
};

export function progressBar(enabled: boolean) {
  const tty = enabled && process.stderr.isTTY;
  let last = '';
  return {
    update(phase: string, fraction: number) {
      if (!tty) return;
      const width = 28;
      const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
      const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${LABELS[phase] ?? phase}`;
      if (line === last) return;
      last = line;
      process.stderr.write(`\r${line}`);
    },
    done() {
      if (tty && last) process.stderr.write('\r\x1b[2K');
    },
  };
}
