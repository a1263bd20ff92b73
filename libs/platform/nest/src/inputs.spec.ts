import 'reflect-metadata';
import { InputType } from '@nestjs/graphql';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DayOfFactField, MoneyField, type MoneyInput } from './inputs';

@InputType()
class PaymentInput {
  @MoneyField()
  amount!: MoneyInput;

  @DayOfFactField()
  paidOn!: string;
}

async function messagesFor(plain: object): Promise<string[]> {
  const errors = await validate(plainToInstance(PaymentInput, plain));
  const collect = (list: typeof errors): string[] =>
    list.flatMap((error) => [
      ...Object.values(error.constraints ?? {}),
      ...collect(error.children ?? []),
    ]);
  return collect(errors);
}

describe('the shared input fields', () => {
  it('given a well-formed amount and day, when validated, then nothing is refused', async () => {
    expect(
      await messagesFor({
        amount: { amountMinor: 7_700_000, currency: 'THB' },
        paidOn: '2020-11-15',
      }),
    ).toEqual([]);
  });

  it('given a malformed day, when validated, then the message names the property, not the value', async () => {
    const messages = await messagesFor({
      amount: { amountMinor: 100, currency: 'THB' },
      paidOn: '15/11/2020-marker',
    });
    expect(messages).toEqual(['paidOn must be a date (YYYY-MM-DD)']);
  });

  it('given an amount of zero in an unknown currency, when validated, then the nested money is checked', async () => {
    const messages = await messagesFor({
      amount: { amountMinor: 0, currency: 'XXX' },
      paidOn: '2020-11-15',
    });
    expect(messages.sort()).toEqual([
      'amountMinor must be above 0',
      'currency must be an ISO 4217 code Haven knows',
    ]);
  });
});
