// The lengths empowerment's inputs allow (the checks themselves are the kit's).
export const MAX_LINE = 120;
export const MAX_NOTE = 4000;
