import { useTranslation } from 'react-i18next';
import { currentLanguage, LANGUAGES, setLanguage } from '../i18n/index.js';

/** ID / EN toggle; the choice persists in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage(i18n.language);
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          className="lang-button"
          lang={lang}
          aria-pressed={active === lang}
          title={t(lang === 'id' ? 'lang.idName' : 'lang.enName')}
          onClick={() => void setLanguage(lang)}
        >
          <span aria-hidden="true">{t(lang === 'id' ? 'lang.id' : 'lang.en')}</span>
          <span className="visually-hidden">{t(lang === 'id' ? 'lang.idName' : 'lang.enName')}</span>
        </button>
      ))}
    </div>
  );
}
