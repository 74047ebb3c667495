// Every type-graphql resolver of the static schema.
import { ViewerResolver } from './ViewerResolver.js';

export const RESOLVERS = [ViewerResolver] as const;
