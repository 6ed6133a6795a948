/**
 * "Dampak pada jalur kemiskinan": the place of the effect table and chart (the poverty rate with
 * the programmes against the scenario's path without them, people lifted, cost per person
 * lifted, the gap to the target), to be read from `interventions.get` once that method exists.
 * Until then it shows its heading and one sentence — no numbers.
 */
import { useTranslation } from 'react-i18next';

export function EffectCard() {
  const { t } = useTranslation();
  return (
    <section className="card card-wide interventions-effect" aria-labelledby="interventions-effect-title" data-testid="interventions-effect">
      <h2 id="interventions-effect-title" className="card-title">
        {t('interventions.effect.title')}
      </h2>
      {/* interventions.get: the effect table and chart go here. */}
      <p className="hint">{t('interventions.effect.pending')}</p>
    </section>
  );
}
