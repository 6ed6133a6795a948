/** i18next setup: Bahasa Indonesia by default, English on request; the choice persists. */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { annexEn } from './annex.en.js';
import { annexId } from './annex.id.js';
import { compareEn } from './compare.en.js';
import { compareId } from './compare.id.js';
import { en } from './en.js';
import { feasibilityEn } from '../feasibility/feasibility.en.js';
import { feasibilityId } from '../feasibility/feasibility.id.js';
import { historyEn } from '../history/history.en.js';
import { historyId } from '../history/history.id.js';
import { id } from './id.js';
import { interventionsEn } from '../interventions/interventions.en.js';
import { interventionsId } from '../interventions/interventions.id.js';
import { profileEn } from './profile.en.js';
import { profileId } from './profile.id.js';
import { provinceEn } from '../province/province.en.js';
import { provinceId } from '../province/province.id.js';
import { raperdaEn } from './raperda.en.js';
import { raperdaId } from './raperda.id.js';
import { reviewEn } from '../review/review.en.js';
import { reviewId } from '../review/review.id.js';
import { nextStepsEn } from '../workbook/next-steps.en.js';
import { nextStepsId } from '../workbook/next-steps.id.js';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'id';
/** localStorage key of the chosen UI language. */
export const LANGUAGE_STORAGE_KEY = 'workbench.lang';

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

export async function setLanguage(lang: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the switch still works for this session.
  }
  await i18next.changeLanguage(lang);
}

export function currentLanguage(lng: string | undefined): Language {
  return isLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

export async function initI18n(): Promise<typeof i18next> {
  const lng = storedLanguage();
  i18next.on('languageChanged', (l) => {
    document.documentElement.lang = currentLanguage(l);
    // The desktop shell words its menu and dialogs in the same language.
    window.workbench?.setUiLanguage(currentLanguage(l));
  });
  await i18next.use(initReactI18next).init({
    // The review views keep their keys in compare.*.ts, merged under `compare`.
    resources: {
      id: { translation: { ...id, compare: compareId, annex: annexId, raperda: raperdaId, profile: profileId, history: historyId, nextSteps: nextStepsId, feasibility: feasibilityId, interventions: interventionsId, review: reviewId, province: provinceId } },
      en: { translation: { ...en, compare: compareEn, annex: annexEn, raperda: raperdaEn, profile: profileEn, history: historyEn, nextSteps: nextStepsEn, feasibility: feasibilityEn, interventions: interventionsEn, review: reviewEn, province: provinceEn } },
    },
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  window.workbench?.setUiLanguage(lng);
  return i18next;
}

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof id & { compare: typeof compareId; annex: typeof annexId; raperda: typeof raperdaId; profile: typeof profileId; history: typeof historyId; nextSteps: typeof nextStepsId; feasibility: typeof feasibilityId; interventions: typeof interventionsId; review: typeof reviewId; province: typeof provinceId } };
  }
}
