import { crossedName } from '@haven/reports/contracts';
import { BREAKDOWN_NAMES, KEY_NAMES, label } from './report-labels';

// The page labels a crossed line part by part, in the reader's language; a code with no word
// stays a code.

describe('report labels', () => {
  it('labels a crossed breakdown and its key part by part', () => {
    expect(label(BREAKDOWN_NAMES, crossedName('sex', 'ageGroup'), 'en')).toBe(
      'Sex × Minor or adult',
    );
    expect(label(KEY_NAMES, crossedName('FEMALE', 'MINOR'), 'th')).toBe('หญิง × ผู้เยาว์');
  });

  it('keeps a code it has no word for, alone or in a crossing', () => {
    expect(label(KEY_NAMES, 'KH', 'lo')).toBe('KH');
    expect(label(KEY_NAMES, crossedName('LA', 'MINOR'), 'en')).toBe('LA × Minor');
  });
});
