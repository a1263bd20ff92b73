// The shared words' GraphQL enums, registered once for every subgraph (the supergraph needs the
// same values wherever an enum is declared).
import { registerEnumType } from '@nestjs/graphql';
import {
  COUNTRIES,
  COUNTRY_CODES,
  CURRENCIES,
  FORMS_OF_EXPLOITATION,
  PLACES_OF_EXPLOITATION,
  SEXES,
} from '@haven/vocabulary';

/** A `{ VALUE: 'VALUE' }` object of a list of values, as registerEnumType takes it. */
export function enumObject<Value extends string>(values: readonly Value[]): { [K in Value]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in Value]: K };
}

export const CountryEnum = enumObject(COUNTRIES);
registerEnumType(CountryEnum, {
  name: 'Country',
  description: 'A country whose programme acted (OTHER: abroad, in records made before ISO codes).',
});

export const CountryCodeEnum = enumObject(COUNTRY_CODES);
registerEnumType(CountryCodeEnum, {
  name: 'CountryCode',
  description: 'An ISO 3166-1 alpha-2 country code: a nationality, a destination, a place abroad.',
});

export const SexEnum = enumObject(SEXES);
registerEnumType(SexEnum, { name: 'Sex' });

export const FormOfExploitationEnum = enumObject(FORMS_OF_EXPLOITATION);
registerEnumType(FormOfExploitationEnum, { name: 'FormOfExploitation' });

export const PlaceOfExploitationEnum = enumObject(PLACES_OF_EXPLOITATION);
registerEnumType(PlaceOfExploitationEnum, {
  name: 'PlaceOfExploitation',
  description: 'The kind of place where the exploitation happened (a kind, never an address).',
});

export const CurrencyEnum = enumObject(CURRENCIES);
registerEnumType(CurrencyEnum, { name: 'Currency', description: 'An ISO 4217 currency code.' });
