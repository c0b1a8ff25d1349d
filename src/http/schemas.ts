import Type, { type Static, type TSchema } from 'typebox';
import { roles } from '../domain/access/policy.js';
import { locales } from '../domain/accounts/account.js';
import { lawProfileIds } from '../domain/law-profiles/profiles.js';
import { prefectureCodes } from '../domain/organizations/prefectures.js';
import { legalForms, organizationKinds, organizationStatuses } from '../domain/organizations/reference.js';

/**
 * The shapes at the edge: one schema per body and response. They validate requests, serialize responses (fields
 * not named here never leave the server) and generate the OpenAPI document.
 */
/** A string from a closed list, as one `enum` rather than `anyOf` literals: quicker to validate and to serialize. */
export const enumOf = <T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>({ type: 'string', enum: [...values] });

/**
 * A value or null, as a JSON-schema type list. `anyOf` would make the response serializer run a validator
 * against each branch of every nullable field of every response.
 */
export function orNull<T extends TSchema>(schema: T) {
  const { type, enum: values, ...rest } = schema as { type?: string; enum?: unknown[] };
  return Type.Unsafe<Static<T> | null>({ ...rest, type: [type, 'null'], ...(values ? { enum: [...values, null] } : {}) });
}

export const Id = Type.String({ minLength: 1, maxLength: 64 });
const IsoDateTime = Type.String({ format: 'date-time' });
const NullableText = (maxLength: number) => orNull(Type.String({ maxLength }));
/** A business line's code as POST /business-lines takes it; GET /reference lists those that exist. */
export const BusinessLineCode = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{0,59}$', description: 'lower-case letters, digits and hyphens (GET /reference lists the lines)' });
/** A business line with both its names; `builtIn` for the seed's eight, which the web app translates itself. */
export const BusinessLine = Type.Object({ code: Type.String(), nameJa: Type.String(), nameEn: Type.String(), builtIn: Type.Boolean() });

export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details with a stable code' },
);

export const problemResponses = {
  400: Type.Ref('Problem'),
  401: Type.Ref('Problem'),
  403: Type.Ref('Problem'),
  404: Type.Ref('Problem'),
  409: Type.Ref('Problem'),
  422: Type.Ref('Problem'),
  429: Type.Ref('Problem'),
};

const organizationFieldSchemas = {
  code: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,39}$', description: 'short lowercase identifier, e.g. wc-chiba' }),
  kind: enumOf(organizationKinds),
  parentId: orNull(Id),
  nameJa: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  nameEn: NullableText(200),
  legalForm: enumOf(legalForms),
  lawProfile: enumOf(lawProfileIds),
  registrationDate: orNull(Type.String({ format: 'date' })),
  fiscalYearStartMonth: Type.Integer({ minimum: 1, maximum: 12 }),
  prefectureCode: orNull(enumOf(prefectureCodes)),
  postalCode: orNull(Type.String({ pattern: '^[0-9]{3}-?[0-9]{4}$' })),
  address: NullableText(500),
  // Only the codes' shape: the federation adds lines of its own, so which exist is checked against business_lines.
  // The bound only keeps a body small; no organization runs a hundred lines.
  businessLines: Type.Array(BusinessLineCode, { maxItems: 100, uniqueItems: true }),
  status: enumOf(organizationStatuses),
};

export const OrganizationInput = Type.Object(
  {
    ...organizationFieldSchemas,
    kind: Type.Optional(organizationFieldSchemas.kind),
    nameEn: Type.Optional(organizationFieldSchemas.nameEn),
    lawProfile: Type.Optional(organizationFieldSchemas.lawProfile),
    registrationDate: Type.Optional(organizationFieldSchemas.registrationDate),
    fiscalYearStartMonth: Type.Optional(organizationFieldSchemas.fiscalYearStartMonth),
    prefectureCode: Type.Optional(organizationFieldSchemas.prefectureCode),
    postalCode: Type.Optional(organizationFieldSchemas.postalCode),
    address: Type.Optional(organizationFieldSchemas.address),
    businessLines: Type.Optional(organizationFieldSchemas.businessLines),
    status: Type.Optional(organizationFieldSchemas.status),
  },
  { additionalProperties: false },
);

export const OrganizationPatch = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'the version the editor saw; a stale one answers 409 version_conflict' }),
    ...Object.fromEntries(Object.entries(organizationFieldSchemas).map(([k, v]) => [k, Type.Optional(v)])),
  },
  { additionalProperties: false },
);

export const Organization = Type.Object(
  {
    id: Id,
    ...organizationFieldSchemas,
    code: Type.String(),
    version: Type.Integer(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    memberOrganizationCount: Type.Integer(),
  },
  { $id: 'Organization' },
);

export const AuditEntry = Type.Object(
  {
    seq: Type.Integer(),
    at: IsoDateTime,
    actorEmail: orNull(Type.String()),
    organizationId: orNull(Type.String()),
    entityType: Type.String(),
    entityId: Type.String(),
    action: Type.String(),
    before: Type.Unknown(),
    after: Type.Unknown(),
  },
  { $id: 'AuditEntry' },
);

export const Role = enumOf(roles);
export const Locale = enumOf(locales);

export const User = Type.Object(
  {
    id: Id,
    email: Type.String(),
    displayName: Type.String(),
    role: Role,
    organizationId: orNull(Type.String()),
    personId: orNull(Type.String()),
    locale: Locale,
    disabled: Type.Boolean(),
    createdAt: IsoDateTime,
  },
  { $id: 'User' },
);

export const Me = Type.Object(
  {
    id: Id,
    email: Type.String(),
    displayName: Type.String(),
    role: Role,
    organizationId: orNull(Type.String()),
    /** The member's own person when the account is a member's (votes, proxies); null for staff accounts. */
    personId: orNull(Type.String()),
    locale: Locale,
  },
  { $id: 'Me' },
);

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 1024 });

export const Session = Type.Object({ user: Type.Ref('Me'), csrfToken: Type.String() });

export const ApiToken = Type.Object({
  id: Id,
  name: Type.String(),
  createdAt: IsoDateTime,
  lastUsedAt: orNull(IsoDateTime),
});

export const sharedSchemas = [Problem, Organization, AuditEntry, User, Me];
