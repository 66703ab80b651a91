import { readFileSync } from 'node:fs';

export interface ProcessMemory {
  /** Resident set size now (VmRSS), bytes. */
  readonly rssBytes: number;
  /** The highest RSS since the process started (VmHWM, the kernel's high-water mark), bytes. */
  readonly peakRssBytes: number;
}

const KIB = 1024;

/**
 * A process's resident memory from Linux's /proc/PID/status (proc(5)). Null where there is no
 * /proc (macOS, Windows) or the process is gone.
 */
export function readProcessMemory(pid: number): ProcessMemory | null {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return null;
  }
  const kib = (field: string): number | null => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
    return match ? Number(match[1]) * KIB : null;
  };
  const rss = kib('VmRSS');
  const hwm = kib('VmHWM');
  return rss === null || hwm === null ? null : { rssBytes: rss, peakRssBytes: hwm };
}
