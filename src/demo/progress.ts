// Progress of long work: a bar on an interactive terminal, structured log lines otherwise.
import cliProgress from 'cli-progress';
import type { Logger } from '../log.js';

export interface Progress {
  start(task: string, total: number): void;
  advance(by: number): void;
  stop(): void;
}

export function terminalProgress(logger: Logger, stream: NodeJS.WriteStream = process.stderr): Progress {
  let bar: cliProgress.SingleBar | null = null;
  let task = '';
  let done = 0;
  let total = 0;
  let startedAt = 0;
  let lastLogged = 0;
  return {
    start(name, count) {
      task = name;
      total = count;
      done = 0;
      startedAt = lastLogged = Date.now();
      if (stream.isTTY) {
        bar = new cliProgress.SingleBar(
          { stream, format: `${name.padEnd(28)} [{bar}] {percentage}% {value}/{total} | {speed} rows/s | ETA {eta_formatted}`, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(count, 0, { speed: 0 });
      } else {
        logger.info({ task, total }, 'started');
      }
    },
    advance(by) {
      done += by;
      if (bar) {
        const seconds = Math.max(0.001, (Date.now() - startedAt) / 1000);
        bar.update(done, { speed: Math.round(done / seconds) });
      } else if (Date.now() - lastLogged > 2_000) {
        lastLogged = Date.now();
        logger.info({ task, done, total }, 'progress');
      }
    },
    stop() {
      bar?.stop();
      bar = null;
      logger.info({ task, done, total }, 'finished');
    },
  };
}

/** For callers that want no output (tests). */
export const silentProgress: Progress = { start() {}, advance() {}, stop() {} };
