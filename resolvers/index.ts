// Every type-graphql resolver of the static schema.
import { AccessResolver } from './AccessResolver.js';
import { AuditResolver } from './AuditResolver.js';
import { CatalogResolver } from './CatalogResolver.js';
import { CertificateResolver } from './CertificateResolver.js';
import { CorrectionResolver } from './CorrectionResolver.js';
import { LiveSourceResolver } from './LiveSourceResolver.js';
import { RecordsResolver } from './RecordsResolver.js';
import { ServiceItemResolver } from './ServiceItemResolver.js';
import { ViewerResolver } from './ViewerResolver.js';

export const RESOLVERS = [AuditResolver, ViewerResolver, CatalogResolver, RecordsResolver, AccessResolver, CorrectionResolver, ServiceItemResolver, LiveSourceResolver, CertificateResolver] as const;
