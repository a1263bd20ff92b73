/**
 * Protection's own settings, read when the app is created (never when a file is imported). A
 * wrong value stops the service at startup, naming the variable.
 */
export interface ProtectionSettings {
  /** HAVEN_BREAK_GLASS_MINUTES (default 60): how long a break-glass grant lasts. */
  breakGlassMinutes: number;
}

export const PROTECTION_SETTINGS = Symbol('haven.protection-settings');

const DEFAULT_BREAK_GLASS_MINUTES = 60;
const MAX_BREAK_GLASS_MINUTES = 24 * 60;

export function loadProtectionSettings(env: NodeJS.ProcessEnv = process.env): ProtectionSettings {
  const raw = env.HAVEN_BREAK_GLASS_MINUTES?.trim();
  if (!raw) return { breakGlassMinutes: DEFAULT_BREAK_GLASS_MINUTES };
  const minutes = Number(raw);
  // Fractions are allowed, so that a test can make a grant that expires within seconds.
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_BREAK_GLASS_MINUTES) {
    throw new Error(
      `HAVEN_BREAK_GLASS_MINUTES must be a number of minutes above 0 and at most ${MAX_BREAK_GLASS_MINUTES}.`,
    );
  }
  return { breakGlassMinutes: minutes };
}
