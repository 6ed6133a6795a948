/** The workbooks of the folder left out of the aggregate, each with its reason in the UI language. */
import { useTranslation } from 'react-i18next';
import type { Excluded } from '../../../shared/model/province.js';
import { excludedReasonKey } from './words.js';

/** Every placeholder a reason's words may use (shared/model/province.ts Excluded.params); a reason fills its own. */
const REASON_PARAMS = { region: '', province: '', expected: '', period: '', fileVersion: '', supportedVersion: '' };

export function ExcludedList({ excluded }: { excluded: Excluded[] }) {
  const { t } = useTranslation();
  return (
    <section className="card province-excluded" aria-labelledby="province-excluded-title">
      <h2 id="province-excluded-title" className="card-title">
        {t('province.excluded.title', { count: excluded.length })}
      </h2>
      {excluded.length === 0 ? (
        <p className="muted">{t('province.excluded.none')}</p>
      ) : (
        <table className="estimate-table province-excluded-table">
          <thead>
            <tr>
              <th scope="col">{t('province.excluded.file')}</th>
              <th scope="col">{t('province.excluded.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {excluded.map((e) => {
              const k = excludedReasonKey(e.reason);
              return (
                <tr key={e.file} data-file={e.file} data-reason={e.reason}>
                  <th scope="row" className="province-file">
                    {e.file}
                  </th>
                  <td>{t(k, { ...REASON_PARAMS, ...e.params, code: e.reason })}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
