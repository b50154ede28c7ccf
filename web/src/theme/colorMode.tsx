import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type ColorModePreference = 'system' | 'light' | 'dark';
export type ColorMode = 'light' | 'dark';

const STORAGE_KEY = 'steadfast.colorMode';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function readPreference(): ColorModePreference {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return stored === 'light' || stored === 'dark' ? stored : 'system';
  } catch {
    return 'system';
  }
}

function systemMode(): ColorMode {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Puts the mode on <html> the way Chakra reads it (class `dark`/`light`) and tells the browser (`color-scheme`). */
export function applyColorMode(mode: ColorMode, root: HTMLElement = document.documentElement): void {
  root.classList.toggle('dark', mode === 'dark');
  root.classList.toggle('light', mode === 'light');
  root.style.colorScheme = mode;
}

interface ColorModeContextValue {
  preference: ColorModePreference;
  mode: ColorMode;
  setPreference: (p: ColorModePreference) => void;
}

const ColorModeContext = createContext<ColorModeContextValue | null>(null);

/** Follows the system's light or dark setting until the user picks one; the pick is kept in this browser. */
export function ColorModeProvider({ children }: { children: ReactNode }) {
  const [preference, setPreferenceState] = useState<ColorModePreference>(readPreference);
  const [system, setSystem] = useState<ColorMode>(systemMode);

  useEffect(() => {
    if (typeof matchMedia !== 'function') return undefined;
    const query = matchMedia(DARK_QUERY);
    const onChange = () => setSystem(query.matches ? 'dark' : 'light');
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);

  const mode = preference === 'system' ? system : preference;
  useEffect(() => applyColorMode(mode), [mode]);

  const setPreference = useCallback((p: ColorModePreference) => {
    setPreferenceState(p);
    try {
      if (p === 'system') localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, p);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);

  const value = useMemo(() => ({ preference, mode, setPreference }), [preference, mode, setPreference]);
  return <ColorModeContext.Provider value={value}>{children}</ColorModeContext.Provider>;
}

export function useColorMode(): ColorModeContextValue {
  const value = useContext(ColorModeContext);
  if (!value) throw new Error('useColorMode outside ColorModeProvider');
  return value;
}

/** Applies the stored or system mode before the first render, so that a dark page does not flash light. */
export function applyInitialColorMode(): void {
  const p = readPreference();
  applyColorMode(p === 'system' ? systemMode() : p);
}
