import type { JsonSchema } from './fields';

/**
 * What a new schema of the same topic version breaks for consumers of the published one: an
 * event type removed, a field removed or newly required, a type changed, a value removed from a
 * closed list, a date made coarser or finer. Adding an event type, a field or a value to a list
 * is allowed: consumers ignore what they do not know. An empty list: compatible.
 */
export function breakingChanges(published: JsonSchema, next: JsonSchema): string[] {
  const problems: string[] = [];
  const before = branches(published);
  const after = branches(next);
  for (const [type, oldData] of before) {
    const newData = after.get(type);
    if (!newData) {
      problems.push(`${type}: the event type was removed`);
      continue;
    }
    const oldFields = properties(oldData);
    const newFields = properties(newData);
    for (const [field, oldSchema] of Object.entries(oldFields)) {
      const newSchema = newFields[field];
      if (!newSchema) problems.push(`${type}.${field}: removed`);
      else problems.push(...fieldChanges(`${type}.${field}`, oldSchema, newSchema));
    }
    const oldRequired = new Set(required(oldData));
    // A field new to the version is fine: consumers ignore fields they do not know (README).
    for (const field of required(newData)) {
      if (!oldRequired.has(field) && field in oldFields)
        problems.push(`${type}.${field}: now required`);
    }
  }
  return problems;
}

function fieldChanges(where: string, before: JsonSchema, after: JsonSchema): string[] {
  const a = normalise(before);
  const b = normalise(after);
  const problems: string[] = [];
  if (a.types.join('|') !== b.types.join('|') && !a.types.every((type) => b.types.includes(type))) {
    problems.push(`${where}: type ${a.types.join('|')} became ${b.types.join('|')}`);
  }
  if (a.enum) {
    if (!b.enum) problems.push(`${where}: no longer a closed list`);
    const missing = a.enum.filter((value) => !(b.enum ?? []).includes(value));
    if (b.enum && missing.length) problems.push(`${where}: values removed: ${missing.join(', ')}`);
  }
  if (a.pattern !== b.pattern) problems.push(`${where}: format changed`);
  return problems;
}

function normalise(schema: JsonSchema): { types: string[]; enum?: string[]; pattern?: string } {
  const options = Array.isArray(schema.oneOf) ? (schema.oneOf as JsonSchema[]) : [schema];
  const types = options.map((option) => String(option.type)).sort();
  const main = options.find((option) => option.type !== 'null') ?? options[0];
  // A list of a closed list's values (a plan's goals): its values are the items'.
  const listed = (main.items as JsonSchema | undefined) ?? main;
  return {
    types,
    enum: Array.isArray(listed.enum) ? (listed.enum as string[]) : undefined,
    pattern: typeof main.pattern === 'string' ? main.pattern : undefined,
  };
}

function branches(schema: JsonSchema): Map<string, JsonSchema> {
  const result = new Map<string, JsonSchema>();
  for (const branch of (schema.oneOf ?? []) as JsonSchema[]) {
    const props = branch.properties as Record<string, JsonSchema>;
    result.set(String(props.type.const), props.data);
  }
  return result;
}

function properties(data: JsonSchema): Record<string, JsonSchema> {
  return (data.properties ?? {}) as Record<string, JsonSchema>;
}

function required(data: JsonSchema): string[] {
  return (data.required ?? []) as string[];
}
