/**
 * The machine a benchmark ran on, written into every result file: numbers
 * mean little without the cores, the CPU, the memory and the Node version.
 */
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';

export interface MachineInfo {
  cpus: number;
  model: string;
  memoryGiB: number;
  node: string;
  os: string;
  date: string;
  /** 1-minute load average when the benchmark started: another process busy on the same cores skews every number. */
  loadAverage1m: number;
}

export function machineInfo(): MachineInfo {
  const list = cpus();
  return {
    cpus: list.length,
    model: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${osType()} ${release()}`,
    date: new Date().toISOString(),
    loadAverage1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** One line for a table's header: `2 × Intel Xeon …, 23.5 GiB, Node v20.20.2`. */
export function describeMachine(info: MachineInfo): string {
  return `${info.cpus} × ${info.model}, ${info.memoryGiB} GiB, Node ${info.node}, ${info.os}`;
}
