// Ages in whole years, for the statistical attributes facts carry in clear (ADR 21).
import type { PersonalValues } from '../personal-data/personal-values';

/**
 * Age in whole years on the day of registration, for statistics (ADR 21): from the date of birth
 * when given, else the assessed age (it corrects falsified documents), else the documented one.
 */
export function statisticalAge(
  personal: Partial<PersonalValues> | null | undefined,
  /** The day of registration (YYYY-MM-DD), or an instant on it. */
  registeredOn: string,
): number | null {
  if (personal?.dateOfBirth)
    return wholeYearsBetween(personal.dateOfBirth, registeredOn.slice(0, 10));
  return personal?.assessedAge ?? personal?.documentedAge ?? null;
}

/** Whole years from one YYYY-MM-DD day to a later one (birthdays counted on the day). */
export function wholeYearsBetween(from: string, to: string): number {
  const years = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  return to.slice(5) < from.slice(5) ? years - 1 : years;
}
