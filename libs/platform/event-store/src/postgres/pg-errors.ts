/** What a PostgreSQL error from pg says, for the few cases the store handles itself. */

export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string })?.code === '23505';
}

export function constraintOf(error: unknown): string | undefined {
  return (error as { constraint?: string })?.constraint;
}
