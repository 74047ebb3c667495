// Tells a client that went away mid-request from a failure of the hub: the first is routine (info), the second an error.
import type { IncomingMessage } from 'node:http';

/** Codes Node gives a request body that ended because its connection closed before the body was complete. */
const ABORT_CODES = new Set(['ECONNRESET', 'ERR_STREAM_PREMATURE_CLOSE', 'ECONNABORTED', 'EPIPE']);

export function isAbortedByClient(req: IncomingMessage, error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return !req.complete && (req.destroyed || req.socket.destroyed) && (code === undefined || ABORT_CODES.has(code));
}
