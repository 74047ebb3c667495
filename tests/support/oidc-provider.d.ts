// oidc-provider ships no type declarations; the tests use a small part of it.
declare module 'oidc-provider' {
  export const errors: { InvalidTarget: new () => Error };
  export default class Provider {
    constructor(issuer: string, configuration: unknown);
    callback(): (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
    interactionDetails(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<unknown>;
    interactionFinished(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, result: unknown, options?: { mergeWithLastSubmission?: boolean }): Promise<void>;
  }
}
