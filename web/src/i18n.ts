import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import en from './locales/en.json';
import ja from './locales/ja.json';

export type Locale = 'ja' | 'en';

export const LOCALES: readonly Locale[] = ['ja', 'en'];

// The language chosen on this device; Japanese until someone picks another.
const STORAGE_KEY = 'kyodo.locale';

function isLocale(value: unknown): value is Locale {
  return value === 'ja' || value === 'en';
}

/** The language stored on this device, or null if none was ever chosen here. */
export function storedLocale(): Locale | null {
  const value = localStorage.getItem(STORAGE_KEY);
  return isLocale(value) ? value : null;
}

/** The current language; components using it re-render when it changes. */
export function useLocale(): Locale {
  const { i18n: instance } = useTranslation();
  return isLocale(instance.language) ? instance.language : 'ja';
}

/** Shows the app in `locale` and remembers the choice on this device. */
export async function applyLocale(locale: Locale): Promise<void> {
  localStorage.setItem(STORAGE_KEY, locale);
  await i18n.changeLanguage(locale);
}

// <html lang> follows the language so screen readers and fonts pick the right one.
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

const initial = storedLocale() ?? 'ja';
document.documentElement.lang = initial;

// Resources are bundled, so initialisation finishes before the first render.
void i18n.use(initReactI18next).init({
  resources: { ja: { translation: ja }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'ja',
  supportedLngs: LOCALES,
  interpolation: { escapeValue: false },
});
