/**
 * The task pane's UI catalogue (zh, en) through i18next. The engine's own sentences (problems,
 * notes, flags) come translated from the engine; this file covers everything else.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../core/types';
import en from './en.json';
import zh from './zh.json';

/** Office's display language (`zh-CN`, `zh-TW`, `en-US` …) → the pane's language: zh-* → zh, else en. */
export function languageFromOffice(displayLanguage: string | undefined | null): Lang {
  return /^zh\b/i.test(displayLanguage ?? '') ? 'zh' : 'en';
}

/** A fresh, synchronously initialised i18next instance (one per pane). */
export function createI18n(lang: Lang): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { zh: { translation: zh }, en: { translation: en } },
    lng: lang,
    fallbackLng: 'zh',
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  });
  return instance;
}
