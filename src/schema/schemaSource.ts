// The schema the server executes, behind Apollo's gateway interface so it can be swapped without a restart
// (the catalog part is rebuilt when the catalog changes). In-flight requests finish on the schema they began with.
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { printSchema, type GraphQLSchema } from 'graphql';

type Listener = Parameters<GatewayInterface['onSchemaLoadOrUpdate']>[0];

export class SchemaSource implements GatewayInterface {
  private listeners = new Set<Listener>();

  constructor(private current: GraphQLSchema) {}

  get schema(): GraphQLSchema {
    return this.current;
  }

  async load() {
    this.notify();
    return { executor: null };
  }

  onSchemaLoadOrUpdate(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.listeners.clear();
  }

  /** Serves `schema` from the next request on. The schema must already be valid. */
  swap(schema: GraphQLSchema): void {
    this.current = schema;
    this.notify();
  }

  private notify(): void {
    const coreSupergraphSdl = printSchema(this.current);
    for (const listener of this.listeners) listener({ apiSchema: this.current, coreSupergraphSdl });
  }
}
