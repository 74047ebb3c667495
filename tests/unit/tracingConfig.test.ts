// Traces are configured by OTEL_EXPORTER_OTLP_ENDPOINT (issue 17): off when unset, a bad URL names the variable.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

function problemOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig({ SHAREHUB_DEMO: '1', ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('tracing configuration', () => {
  it('is off when OTEL_EXPORTER_OTLP_ENDPOINT is unset or empty', () => {
    expect(loadConfig({ SHAREHUB_DEMO: '1' }).tracing).toBeNull();
    expect(loadConfig({ SHAREHUB_DEMO: '1', OTEL_EXPORTER_OTLP_ENDPOINT: '' }).tracing).toBeNull();
  });

  it('posts spans to the endpoint with /v1/traces appended, as service sharehub unless OTEL_SERVICE_NAME says otherwise', () => {
    expect(loadConfig({ SHAREHUB_DEMO: '1', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      endpoint: 'http://collector:4318/',
      tracesUrl: 'http://collector:4318/v1/traces',
      serviceName: 'sharehub',
    });
    const named = loadConfig({ SHAREHUB_DEMO: '1', OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example.gov/otlp', OTEL_SERVICE_NAME: 'sharehub-east' }).tracing;
    expect(named).toMatchObject({ tracesUrl: 'https://otel.example.gov/otlp/v1/traces', serviceName: 'sharehub-east' });
  });

  it('refuses an endpoint that is not an http(s) URL, or that carries credentials or a query', () => {
    for (const endpoint of ['collector:4318', 'grpc://collector:4317', 'http://user:secret@collector:4318', 'http://collector:4318/?token=x']) {
      expect(problemOf({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }).variable, endpoint).toBe('OTEL_EXPORTER_OTLP_ENDPOINT');
    }
  });
});
