/**
 * The selected unit's figures from each of the user's tables on the map (in the edition
 * shown), the column drawn first; a missing figure says why (no row, no figure, a member
 * missing from a merged unit).
 */
import { formatNumber, t, type Lang } from '../i18n/index.ts';
import { joinedFor, type AppState } from '../state/store.ts';
import { Row } from './FeatureInfo.tsx';

export function UnitFigures({ s, iso, lang }: { s: Pick<AppState, 'tables' | 'data' | 'edition'>; iso: string; lang: Lang }) {
  const data = s.data;
  if (!data) return null;
  const nameOf = (code: string) => {
    const p = data.provinces2022.features.find((f) => f.properties.iso === code)?.properties;
    return p ? (lang === 'vi' ? p.name_vi : p.name_en) : code;
  };
  return (
    <>
      {s.tables
        .filter((tb) => tb.visible)
        .map((tb) => {
          const joined = joinedFor(tb, data, s.edition);
          const unit = joined.units.find((u) => u.iso === iso);
          if (!unit) return null;
          const columns = [...joined.numericColumns].sort((a, b) => Number(b === tb.column) - Number(a === tb.column));
          return (
            <div key={tb.id} className="unit-figures" data-testid="unit-figures">
              <h3>{t(lang, 'UserTable.Info', { table: tb.name })}</h3>
              <dl>
                {columns.map((c) => {
                  const v = unit.values[c];
                  const why = unit.nulls[c];
                  const members = why && 'members' in why ? why.members.map(nameOf).join(', ') : '';
                  return (
                    <Row key={c} label={c}>
                      {typeof v === 'number' ? (
                        <span className={c === tb.column ? 'figure shown' : 'figure'}>{formatNumber(lang, v, 3)}</span>
                      ) : (
                        <span className="hint-muted">
                          {why ? t(lang, `TableFile.Null.${why.kind}`, { column: c, members }) : t(lang, 'Info.Missing')}
                        </span>
                      )}
                    </Row>
                  );
                })}
              </dl>
              {tb.sourceNote && <p className="hint-muted">{tb.sourceNote}</p>}
            </div>
          );
        })}
    </>
  );
}
