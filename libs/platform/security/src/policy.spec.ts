// Deny by default: the policy check in front of every field of a subgraph's schema.
import { buildSchema, graphql } from 'graphql';
import { allow, enforcePolicies, fieldsWithoutPolicy, POLICY_EXTENSION } from './policy';
import type { Principal } from './principal';

function schemaWithPolicies() {
  const schema = buildSchema(`
    type Query { open: String  staffOnly: Record  undeclared: String }
    type Record { id: ID  secret: String }
  `);
  const query = schema.getQueryType()!.getFields();
  query.open.extensions = { [POLICY_EXTENSION]: allow('any') };
  query.staffOnly.extensions = { [POLICY_EXTENSION]: allow(['admin', 'protection_officer']) };
  const record = schema.getType('Record') as import('graphql').GraphQLObjectType;
  record.extensions = { [POLICY_EXTENSION]: allow(['admin', 'protection_officer']) };
  record.getFields().secret.extensions = { [POLICY_EXTENSION]: allow(['admin']) };
  return schema;
}

const root = { open: 'yes', staffOnly: { id: 'r-1', secret: 's' }, undeclared: 'leak' };
const person = (role: Principal['role']): Principal => ({
  subject: `u-${role}`,
  role,
  countries: ['TH'],
  organisationId: null,
});

async function run(source: string, principal: Principal | null) {
  const schema = enforcePolicies(schemaWithPolicies());
  return graphql({ schema, source, rootValue: root, contextValue: { principal } });
}

describe('enforcePolicies', () => {
  it('lists the fields that declare no policy', () => {
    expect(fieldsWithoutPolicy(schemaWithPolicies())).toEqual(['Query.undeclared']);
  });

  it('refuses a field with no policy, even to an admin', async () => {
    const result = await run('{ undeclared }', person('admin'));
    expect(result.data).toEqual({ undeclared: null });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NO_POLICY' });
  });

  it('refuses everything without a principal', async () => {
    const result = await run('{ open }', null);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it("applies the field's own policy, else its type's", async () => {
    const officer = await run('{ staffOnly { id secret } }', person('protection_officer'));
    expect(officer.data).toEqual({ staffOnly: { id: 'r-1', secret: null } });
    expect(officer.errors?.map((error) => error.path?.join('.'))).toEqual(['staffOnly.secret']);

    const admin = await run('{ staffOnly { id secret } }', person('admin'));
    expect(admin.errors).toBeUndefined();
    expect(admin.data).toEqual({ staffOnly: { id: 'r-1', secret: 's' } });

    const watchdog = await run('{ open staffOnly { id } }', person('watchdog'));
    expect(watchdog.data).toEqual({ open: 'yes', staffOnly: null });
    expect(watchdog.errors?.[0].message).toBe('The watchdog role may not use Query.staffOnly.');
  });

  it('refuses a policy naming a role that does not exist', () => {
    expect(() => allow(['admin', 'superuser' as never])).toThrow(
      'Unknown roles in a policy: superuser',
    );
  });
});
