/** A bigint column (a global position) read as a number: positions stay below 2^53. */
export const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
