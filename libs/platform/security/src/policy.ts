import { Extensions } from '@nestjs/graphql';
import {
  defaultFieldResolver,
  GraphQLError,
  isObjectType,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { ROLES, type Principal, type Role } from './principal';

/** Who may resolve a field: a set of roles, or any authenticated principal. */
export interface AccessPolicy {
  readonly roles: ReadonlySet<Role> | 'any';
  /** The field holds personal data: its resolver decrypts it and logs the read. */
  readonly personal: boolean;
}

export const POLICY_EXTENSION = 'havenPolicy';

/** A policy for the listed roles (or `any` authenticated principal). */
export function allow(
  roles: readonly Role[] | 'any',
  options: { personal?: boolean } = {},
): AccessPolicy {
  if (roles !== 'any') {
    const unknown = roles.filter((role) => !ROLES.includes(role));
    if (unknown.length) throw new Error(`Unknown roles in a policy: ${unknown.join(', ')}`);
  }
  return Object.freeze({
    roles: roles === 'any' ? 'any' : new Set(roles),
    personal: options.personal ?? false,
  });
}

/**
 * Declares who may resolve a query, mutation or field, beside its resolver. On an object type it
 * is the default for that type's fields without their own. A field with neither is refused.
 */
export function Policy(policy: AccessPolicy): MethodDecorator & ClassDecorator & PropertyDecorator {
  return Extensions({ [POLICY_EXTENSION]: policy });
}

export function permits(policy: AccessPolicy, principal: Principal): boolean {
  return policy.roles === 'any' || policy.roles.has(principal.role);
}

/** The GraphQL context fields the policies read. */
export interface SecurityContext {
  principal?: Principal | null;
}

/** Federation's own root fields: `_entities` returns entities whose fields are checked one by one. */
const FEDERATION_FIELDS: Record<string, AccessPolicy> = {
  'Query._service': allow('any'),
  'Query._entities': allow('any'),
  '_Service.sdl': allow('any'),
};

export function forbidden(message: string, reason?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'FORBIDDEN', ...(reason ? { reason } : {}) },
  });
}

export function unauthenticated(message: string, reason?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', ...(reason ? { reason } : {}), http: { status: 401 } },
  });
}

/** The policy that governs a field: its own, else its type's, else none. */
export function policyOf(
  typeName: string,
  field: GraphQLField<unknown, unknown>,
  typeExtensions: Record<string, unknown> | undefined,
): AccessPolicy | undefined {
  return (
    FEDERATION_FIELDS[`${typeName}.${field.name}`] ??
    (field.extensions?.[POLICY_EXTENSION] as AccessPolicy | undefined) ??
    (typeExtensions?.[POLICY_EXTENSION] as AccessPolicy | undefined)
  );
}

/** Every `Type.field` of the schema's object types that has no policy (for the policy test). */
export function fieldsWithoutPolicy(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (!policyOf(type.name, field, type.extensions)) missing.push(`${type.name}.${field.name}`);
    }
  }
  return missing;
}

/**
 * Puts a policy check in front of every field resolver of the schema (introspection aside):
 * no principal → UNAUTHENTICATED; no policy or a role it does not list → FORBIDDEN. Deny by
 * default: a field someone forgot to declare a policy for is refused, not served.
 */
export function enforcePolicies(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const policy = policyOf(type.name, field, type.extensions);
      const resolve: GraphQLFieldResolver<unknown, SecurityContext> =
        field.resolve ?? defaultFieldResolver;
      const coordinate = `${type.name}.${field.name}`;
      field.resolve = (source, args, context, info) => {
        const principal = context?.principal;
        if (!principal) throw unauthenticated('Authentication required.');
        if (!policy) {
          throw forbidden(`${coordinate} has no access policy, so it is refused.`, 'NO_POLICY');
        }
        if (!permits(policy, principal)) {
          throw forbidden(
            `The ${principal.role} role may not use ${coordinate}.`,
            'ROLE_NOT_ALLOWED',
          );
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
