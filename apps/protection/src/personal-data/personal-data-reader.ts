import { Inject, Injectable } from '@nestjs/common';
import { perRequest } from '@haven/platform/nest';
import { decryptField } from '@haven/platform/privacy';
import { PERSONAL_FIELDS, type PersonalField } from '@haven/protection/domain';
import type { BeneficiaryRow } from '@haven/protection/read-models';
import { Privacy } from './privacy';

export interface OpenedPersonalDetails {
  /** The person's key is destroyed: nothing can be read, whatever was stored. */
  erased: boolean;
  values: Record<PersonalField, string | null>;
}

function nothing(): Record<PersonalField, string | null> {
  return Object.fromEntries(PERSONAL_FIELDS.map((field) => [field, null])) as Record<
    PersonalField,
    string | null
  >;
}

/**
 * Opens beneficiaries' sealed personal fields, batched per request: the data keys of every
 * record a request reads come in one query (`existingKeys`), and each key is wiped once used.
 * Only the fields asked for are decrypted (the others stay null).
 */
@Injectable()
export class PersonalDataReader {
  private readonly opened = perRequest((reads: readonly Read[]) => this.openAll(reads), {
    // One entry per beneficiary, whatever row object a resolver holds.
    cacheMap: null,
  });

  constructor(@Inject(Privacy) private readonly privacy: Privacy) {}

  open(
    context: object,
    row: BeneficiaryRow,
    fields: readonly PersonalField[] = PERSONAL_FIELDS,
  ): Promise<OpenedPersonalDetails> {
    return this.opened(context).load({ row, fields });
  }

  private async openAll(reads: readonly Read[]): Promise<OpenedPersonalDetails[]> {
    const rows = reads.map((read) => read.row);
    const sealed = rows.filter((row) => row.erasedAt === null && hasSealed(row));
    const keys = sealed.length
      ? await this.privacy.keys.existingKeys([...new Set(sealed.map((row) => row.id))])
      : new Map<string, Buffer | null>();
    try {
      return reads.map(({ row, fields }) => {
        if (row.erasedAt !== null) return { erased: true, values: nothing() };
        if (!hasSealed(row)) return { erased: false, values: nothing() };
        const key = keys.get(row.id);
        // Sealed values but no key: it was destroyed by an erasure the read model has not
        // caught up with yet. Unreadable either way, so shown as erased.
        if (!key) return { erased: true, values: nothing() };
        const values = nothing();
        for (const field of fields) {
          const value = row.personal?.[field];
          if (typeof value === 'string') {
            values[field] = decryptField(key, value, { subjectId: row.id, field });
          }
        }
        return { erased: false, values };
      });
    } finally {
      for (const key of keys.values()) key?.fill(0);
    }
  }
}

interface Read {
  row: BeneficiaryRow;
  fields: readonly PersonalField[];
}

function hasSealed(row: BeneficiaryRow): boolean {
  return !!row.personal && Object.values(row.personal).some((value) => typeof value === 'string');
}
