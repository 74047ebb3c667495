// Every type-graphql resolver of the static schema.
import { AccessResolver } from './AccessResolver.js';
import { AuditResolver } from './AuditResolver.js';
import { CatalogResolver } from './CatalogResolver.js';
import { CorrectionResolver } from './CorrectionResolver.js';
import { RecordsResolver } from './RecordsResolver.js';
import { ServiceItemResolver } from './ServiceItemResolver.js';
import { ViewerResolver } from './ViewerResolver.js';

export const RESOLVERS = [AuditResolver, ViewerResolver, CatalogResolver, RecordsResolver, AccessResolver, CorrectionResolver, ServiceItemResolver] as const;
