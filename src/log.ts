// The structured (pino) logger; secrets and identifiers are redacted wherever they might appear.
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
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
    destination ?? pino.destination({ fd: 2, sync: false }),
  );
}

/** Resident ID numbers and credit codes as they may appear inside an error message. */
const IDENTIFIER_PATTERN = /\b(\d{17}[\dXx]|[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10})\b/g;

/** Removes identifiers from free text (error messages carry SQL parameters) before it is logged. */
export function scrubIdentifiers(text: string): string {
  return text.replace(IDENTIFIER_PATTERN, '[identifier]');
}
