import { useMemo, useState } from 'react';
import { PickerUnitsDocument, type PickerUnitsQuery, type PickerUnitsQueryVariables } from '../generated/operations';
import { UnitIndex, type Unit } from '../lib/areas';
import { useT } from '../lib/i18n';
import { useGraph } from '../lib/useGraph';

/** The area picker on the registry's units (one request for all of them, then local). */
export function AreaPicker({ value, onChange }: { value: string | null; onChange(code: string): void }) {
  const { t } = useT();
  const units = useGraph<PickerUnitsQuery, PickerUnitsQueryVariables>(PickerUnitsDocument, {});
  const index = useMemo(() => new UnitIndex(units.data?.adminUnits ?? []), [units.data]);
  if (units.failure) return <div className="failure">{t('failed')}: {units.failure.message}</div>;
  if (!units.data) return <div className="loading">{t('loading')}</div>;
  return <AreaPickerView index={index} value={value} onChange={onChange} />;
}

/** Province → district → commune, historical units marked, and a search that ignores diacritics. */
export function AreaPickerView({ index, value, onChange }: { index: UnitIndex; value: string | null; onChange(code: string): void }) {
  const { t } = useT();
  const [query, setQuery] = useState('');
  const path = value ? index.path(value) : [];
  const [province, district, commune] = [path[0], path[1], path[2]];
  const label = (unit: Unit) => (unit.validTo ? `${unit.name} (${t('abolished')} ${unit.validTo.slice(0, 4)})` : unit.name);
  const found = index.search(query);
  const choose = (code: string) => {
    setQuery('');
    onChange(code);
  };
  const select = (name: string, options: Unit[], current: Unit | undefined, parent: Unit | undefined) => (
    <label className="picker-level">
      <span>{name}</span>
      <select value={current?.code ?? ''} disabled={!options.length} onChange={(event) => choose(event.target.value || parent!.code)} aria-label={name}>
        {parent ? <option value="">{t('allOf')}</option> : <option value="" disabled>—</option>}
        {options.map((unit) => (
          <option key={unit.code} value={unit.code}>
            {label(unit)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="area-picker">
      <div className="picker-search">
        <input type="search" value={query} placeholder={t('searchArea')} aria-label={t('searchArea')} onChange={(event) => setQuery(event.target.value)} />
        {query.trim() && (
          <ul className="search-results" role="listbox">
            {found.length ? (
              found.map((unit) => (
                <li key={unit.code} role="option" aria-selected={unit.code === value}>
                  <button type="button" onClick={() => choose(unit.code)}>
                    {label(unit)}
                    <small>
                      {index
                        .path(unit.code)
                        .slice(0, -1)
                        .map((above) => above.name)
                        .join(' › ')}
                    </small>
                  </button>
                </li>
              ))
            ) : (
              <li className="muted">{t('noMatch')}</li>
            )}
          </ul>
        )}
      </div>
      {select(t('province'), index.provinces(), province, undefined)}
      {select(t('district'), province ? index.children(province.code) : [], district, province)}
      {select(t('commune'), district ? index.children(district.code) : [], commune, district)}
    </div>
  );
}
