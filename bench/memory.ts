import fs from 'node:fs';

/** Memory readings for the benchmarks: the process's resident and peak set, in MB. */

/** Reset the kernel's peak-RSS mark (VmHWM) of this process; false where not allowed. */
export function resetPeakRss(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** VmRSS (now) or VmHWM (peak since start or the last reset), in MB; Node's own figures off Linux. */
export function statusMb(key: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = fs.readFileSync('/proc/self/status', 'utf8');
    return Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return key === 'VmRSS'
      ? process.memoryUsage().rss / 2 ** 20
      : process.resourceUsage().maxRSS / 1024;
  }
}
