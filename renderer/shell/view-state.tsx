import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export const SCREENS = ['dashboard', 'reconcile', 'boardpack', 'sync', 'settings', 'connection', 'welcome'] as const;
export type ScreenId = (typeof SCREENS)[number];

/** What the user is looking at: the screen and the header's scope (companies, currency, month). */
export interface ViewState {
  screen: ScreenId;
  /** Odoo company ids; empty = every company, consolidated. */
  companies: number[];
  /** Presentation currency; null = the first company's. */
  currency: string | null;
  month: string | null;
  /** Whether the navigation sidebar is shown; remembered across launches like the rest. */
  navOpened: boolean;
}

interface ViewApi extends ViewState {
  go(screen: ScreenId): void;
  setScope(patch: Partial<Omit<ViewState, 'screen' | 'navOpened'>>): void;
  toggleNav(): void;
}

const STORAGE_KEY = 'boardpack.view.v1';
const DEFAULT_VIEW: ViewState = { screen: 'dashboard', companies: [], currency: null, month: null, navOpened: true };
const ViewContext = createContext<ViewApi | null>(null);

/** UI-only preferences live in localStorage (browser mode) or the Electron renderer's own storage. */
function loadView(): ViewState {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_VIEW;
    const parsed: Partial<ViewState> = JSON.parse(raw);
    return {
      screen: SCREENS.includes(parsed.screen as ScreenId) ? (parsed.screen as ScreenId) : 'dashboard',
      companies: Array.isArray(parsed.companies) ? parsed.companies.filter((id) => Number.isInteger(id)) : [],
      currency: typeof parsed.currency === 'string' ? parsed.currency : null,
      month: typeof parsed.month === 'string' ? parsed.month : null,
      navOpened: typeof parsed.navOpened === 'boolean' ? parsed.navOpened : true,
    };
  } catch {
    return DEFAULT_VIEW;
  }
}

export function ViewProvider({ children }: { children: ReactNode }) {
  const [view, setView] = useState<ViewState>(loadView);
  useEffect(() => {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(view));
  }, [view]);
  const go = useCallback((screen: ScreenId) => setView((v) => ({ ...v, screen })), []);
  const setScope = useCallback((patch: Partial<Omit<ViewState, 'screen' | 'navOpened'>>) => setView((v) => ({ ...v, ...patch })), []);
  const toggleNav = useCallback(() => setView((v) => ({ ...v, navOpened: !v.navOpened })), []);
  const value = useMemo(() => ({ ...view, go, setScope, toggleNav }), [view, go, setScope, toggleNav]);
  return <ViewContext.Provider value={value}>{children}</ViewContext.Provider>;
}

export function useView(): ViewApi {
  const value = useContext(ViewContext);
  if (!value) throw new Error('useView must be used inside <ViewProvider>');
  return value;
}
