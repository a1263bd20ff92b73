// What networks adds to the kernel's value checkers: its length limits.

/** The longest place name (a province, a district) and organisation name kept. */
export const MAX_PLACE_LENGTH = 100;
export const MAX_NAME_LENGTH = 200;
