// The generated face types: every certificate type's face becomes an object type implementing the static
// CertificateFace interface (BusinessLicenceFace, ...). Face fields carry `extensions.sharehub` for the access plan.
import { GraphQLNonNull, GraphQLObjectType, GraphQLString, isInterfaceType, type GraphQLFieldConfigMap, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { FieldForbiddenError } from '../authz/errors.js';
import type { Catalog } from '../catalog/catalog.js';
import { FACE_TYPE_FIELD, faceEnumTypeNameOf, faceTypeNameOf, type CertificateTypeEntry } from '../catalog/certificateType.js';
import { qualifiedField } from '../catalog/naming.js';
import type { RequestContext } from '../server/context.js';
import type { FaceView } from '../services/certificates.js';
import { outputTypeOf, SHARING_NOTE, type CatalogFieldExtension } from './catalogSchema.js';

export const FACE_INTERFACE = 'CertificateFace';

function faceType(type: CertificateTypeEntry, face: GraphQLNamedType): GraphQLObjectType<FaceView, RequestContext> {
  if (!isInterfaceType(face)) throw new Error(`${FACE_INTERFACE} must be an interface of the static schema`);
  return new GraphQLObjectType<FaceView, RequestContext>({
    name: faceTypeNameOf(type.code),
    description: `The face of a ${type.nameEn} (${type.nameZh}), issued by department ${type.issuerCode}. ${type.description} Definition version ${type.version}.`,
    interfaces: [face],
    fields: () => {
      const fields: GraphQLFieldConfigMap<FaceView, RequestContext> = {
        [FACE_TYPE_FIELD]: { type: new GraphQLNonNull(GraphQLString), description: 'Code of the certificate type this face belongs to.', resolve: (f) => f.typeCode },
      };
      for (const field of type.fields) {
        const extension: CatalogFieldExtension = { resourceType: type.code, field: field.name };
        fields[field.name] = {
          type: outputTypeOf(type, field, faceEnumTypeNameOf(type.code, field.name)),
          description: `${field.nameZh}: ${field.description} ${SHARING_NOTE[field.sharing]}`,
          extensions: { sharehub: extension },
          // The plan decided before execution; a denied face field never left the service layer and says so here.
          resolve: (f, _args, ctx) => {
            if (f.denied.has(field.name)) {
              ctx.audit.noteField(type.code, field.name, 'DENIED');
              throw new FieldForbiddenError(qualifiedField(type.code, field.name));
            }
            ctx.audit.noteField(type.code, field.name, f.masked.has(field.name) ? 'MASKED' : 'RETURNED');
            return f.values[field.name] ?? null;
          },
        };
      }
      return fields;
    },
  });
}

/** One face type per certificate type, implementing the static schema's CertificateFace. */
export function buildCertificateFaceTypes(base: GraphQLSchema, catalog: Catalog): GraphQLNamedType[] {
  const face = base.getType(FACE_INTERFACE);
  if (!face) throw new Error(`the static schema has no ${FACE_INTERFACE} interface`);
  return catalog.certificateTypes().map((t) => faceType(t, face));
}
