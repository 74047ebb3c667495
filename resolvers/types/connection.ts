// Relay connections: `edges { cursor node }` and `pageInfo`, for every list of many.
import type { ClassType } from 'type-graphql';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a page of a connection sits in the whole list.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

/** A connection type `<Name>Connection` with its `<Name>Edge`. */
export function ConnectionOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} and its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this item.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection {
    @Field(() => [Edge], { description: 'The items on this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;
  }
  return Connection;
}
