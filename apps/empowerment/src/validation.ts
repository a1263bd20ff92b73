// The input rules every empowerment input shares (messages name the field, never the value).
import { IsUUID, Matches, MaxLength } from 'class-validator';

export const DATE = /^\d{4}-\d{2}-\d{2}$/;
export const MAX_LINE = 120;
export const MAX_NOTE = 4000;
export const isDate = (field: string) => Matches(DATE, { message: `${field} must be YYYY-MM-DD` });
export const isUuid = (field: string) => IsUUID('all', { message: `${field} must be a UUID` });
export const maxLine = (field: string, max = MAX_LINE) =>
  MaxLength(max, { message: `${field} must be at most ${max} characters` });
