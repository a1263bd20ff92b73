// The reader opens what was asked for, nothing more: the other sealed fields stay sealed.
import { randomUUID } from 'node:crypto';
import { encryptField, generateDataKey } from '@haven/platform/privacy';
import type { BeneficiaryRow } from '@haven/protection/read-models';
import { PersonalDataReader } from './personal-data-reader';
import type { Privacy } from './privacy';

function sealedRow(key: Buffer, values: Record<string, string>): BeneficiaryRow {
  const id = randomUUID();
  const personal = Object.fromEntries(
    Object.entries(values).map(([field, value]) => [
      field,
      encryptField(key, value, { subjectId: id, field }),
    ]),
  );
  return { id, personal, erasedAt: null } as unknown as BeneficiaryRow;
}

describe('PersonalDataReader', () => {
  const key = generateDataKey();
  // Each batch gets its own copy of the key, which the reader wipes once used.
  const existingKeys = jest.fn(async (ids: readonly string[]) => {
    return new Map(ids.map((id) => [id, Buffer.from(key)]));
  });
  const reader = new PersonalDataReader({ keys: { existingKeys } } as unknown as Privacy);

  it('decrypts only the fields asked for; a damaged field not asked for is not even opened', async () => {
    const row = sealedRow(key, { givenName: 'Ada', familyName: 'Example', phone: '+00 0000' });
    row.personal!.phone = 'pii:v1:not-a-value-sealed-with-this-key-at-all-000000';
    const opened = await reader.open({}, row, ['givenName', 'familyName']);
    expect(opened.erased).toBe(false);
    expect(opened.values).toMatchObject({ givenName: 'Ada', familyName: 'Example', phone: null });
    await expect(reader.open({}, row, ['phone'])).rejects.toThrow();
  });

  it('opens every field when none are named, with one key lookup for a request', async () => {
    existingKeys.mockClear();
    const context = {};
    const rows = [sealedRow(key, { givenName: 'Ada' }), sealedRow(key, { notes: 'Note' })];
    const [first, second] = await Promise.all(rows.map((row) => reader.open(context, row)));
    expect(first.values.givenName).toBe('Ada');
    expect(second.values.notes).toBe('Note');
    expect(existingKeys).toHaveBeenCalledTimes(1);
  });
});
