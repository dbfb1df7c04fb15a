import Store from 'electron-store';

/** App-level preferences only; domain settings live in the core's SQLite. */
export interface AppPreferences {
  window: { width: number; height: number; x?: number; y?: number; maximized: boolean };
  theme: 'light' | 'dark' | 'auto';
  lastCompany: string | null;
  lastPeriod: string | null;
  /** safeStorage ciphertexts (base64), by secret name. */
  secrets: Record<string, string>;
}

const schema = {
  window: {
    type: 'object',
    properties: {
      width: { type: 'number', minimum: 640 },
      height: { type: 'number', minimum: 480 },
      x: { type: 'number' },
      y: { type: 'number' },
      maximized: { type: 'boolean' },
    },
    required: ['width', 'height', 'maximized'],
  },
  theme: { type: 'string', enum: ['light', 'dark', 'auto'] },
  lastCompany: { type: ['string', 'null'] },
  lastPeriod: { type: ['string', 'null'], pattern: '^\\d{4}-\\d{2}$' },
  secrets: { type: 'object', additionalProperties: { type: 'string' } },
} as const;

export type AppSettings = Store<AppPreferences>;

export function openAppSettings(): AppSettings {
  return new Store<AppPreferences>({
    name: 'preferences',
    schema,
    defaults: { window: { width: 1360, height: 860, maximized: false }, theme: 'auto', lastCompany: null, lastPeriod: null, secrets: {} },
  });
}
