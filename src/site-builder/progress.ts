/**
 * What a long build is doing, as it does it. On a terminal, one line per
 * stage that updates in place: the stage, done/total, the rate and the time
 * left. In a log (CI), one line per stage when it ends, with its duration,
 * and for a stage with a total, a line every `heartbeatSeconds` meanwhile,
 * so that a 20-minute stage never looks like a hung build.
 */
export interface ProgressOptions {
  /** Where lines go (default stderr). */
  write?: (text: string) => void;
  /** Lines updated in place (default: stderr is a terminal). */
  interactive?: boolean;
  /** Seconds between lines of a running stage in a log (default 30). */
  heartbeatSeconds?: number;
  /** The clock, in milliseconds (tests). */
  now?: () => number;
}

export interface StageProgress {
  /** `count` more of the stage's total are done. */
  advance(count?: number): void;
  /** The stage ended; `summary` says what it did ("13,521 pages"). */
  done(summary?: string): void;
}

/** Reports nothing: the build's default (tests, the benchmark, the dev server). */
export const SILENT: Progress = {
  stage: () => ({ advance() {}, done() {} }),
};

export interface Progress {
  stage(name: string, total?: number): StageProgress;
}

/** Progress lines for a person or a log. */
export function progressReporter(options: ProgressOptions = {}): Progress {
  const write = options.write ?? ((text: string) => process.stderr.write(text));
  const interactive = options.interactive ?? Boolean(process.stderr.isTTY);
  const heartbeat = (options.heartbeatSeconds ?? 30) * 1000;
  const now = options.now ?? (() => performance.now());
  // On a terminal, stages running at once (pages and search) share the line.
  const running = new Set<() => string>();
  let lastDraw = Number.NEGATIVE_INFINITY;
  const draw = () => write(`\r\x1b[K${[...running].map((line) => line()).join("  ·  ")}`);
  return {
    stage(name, total) {
      const started = now();
      if (running.size === 0) lastDraw = started;
      let count = 0;
      let lastLine = started;
      const line = () => `${name}: ${describe(count, total, now() - started)}`;
      return {
        advance(by = 1) {
          count += by;
          const at = now();
          if (interactive) {
            running.add(line);
            if (at - lastDraw >= 100) {
              draw();
              lastDraw = at;
            }
          } else if (total !== undefined && at - lastLine >= heartbeat) {
            write(`${line()}\n`);
            lastLine = at;
          }
        },
        done(summary) {
          const seconds = ((now() - started) / 1000).toFixed(1);
          running.delete(line);
          write(`${interactive ? "\r\x1b[K" : ""}${name}: ${summary ? `${summary} ` : ""}in ${seconds} s\n`);
          if (interactive && running.size > 0) draw();
        },
      };
    },
  };
}

/** "1,200/13,521 (410/s, 30 s left)". */
function describe(count: number, total: number | undefined, elapsedMs: number): string {
  const rate = elapsedMs > 0 ? (count * 1000) / elapsedMs : 0;
  if (total === undefined) return `${count.toLocaleString("en")} (${Math.round(rate).toLocaleString("en")}/s)`;
  const left = rate > 0 ? (total - count) / rate : undefined;
  return `${count.toLocaleString("en")}/${total.toLocaleString("en")} (${Math.round(rate).toLocaleString("en")}/s${left === undefined ? "" : `, ${duration(left)} left`})`;
}

function duration(seconds: number): string {
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/**
 * A stage told of its work item by item, with how many items there are
 * (files read, bodies rendered): opened by the first, ended by the last,
 * `summary` saying what it did ("100,003 files read").
 */
export function countedStage(progress: Progress, name: string, summary: (total: number) => string): (total: number, count?: number) => void {
  let stage: StageProgress | undefined;
  let counted = 0;
  return (total, count = 1) => {
    if (counted >= total && stage) return;
    stage ??= progress.stage(name, total);
    stage.advance(count);
    counted += count;
    if (counted >= total) stage.done(summary(total));
  };
}
