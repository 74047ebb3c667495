// The structured (pino) logger; secrets and identifiers are redacted wherever they might appear.
import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';

export type { Logger };

/** JSON lines for machines; readable lines for a person at a terminal. */
export type LogFormat = 'json' | 'pretty';

/** The format when none is configured: readable on a terminal, JSON lines when stderr goes to a file or a collector. */
export function defaultLogFormat(): LogFormat {
  return process.stderr.isTTY ? 'pretty' : 'json';
}

function prettyStream(): pino.DestinationStream {
  return PinoPretty({ destination: 2, sync: true, colorize: process.stderr.isTTY === true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,name' });
}

export function createLogger(level: string, destination?: pino.DestinationStream, format: LogFormat = 'json'): Logger {
  return pino(
    {
      name: 'sharehub',
      level,
      base: { pid: process.pid },
      redact: {
        paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'token', '*.token', 'password', '*.password', 'subjectId', '*.subjectId'],
        censor: '[redacted]',
      },
    },
    destination ?? (format === 'pretty' ? prettyStream() : pino.destination({ fd: 2, sync: false })),
  );
}

/** Resident ID numbers and credit codes as they may appear inside an error message. */
const IDENTIFIER_PATTERN = /\b(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})\b/g;

/** Removes identifiers from free text (error messages carry SQL parameters) before it is logged. */
export function scrubIdentifiers(text: string): string {
  return text.replace(IDENTIFIER_PATTERN, '[identifier]');
}
