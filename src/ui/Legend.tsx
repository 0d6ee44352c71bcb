import type { LegendSpec } from '../layers/layer-types.ts';
import { useTranslate } from './use-translate.ts';

/** A layer's legend: colour classes with their bounds and unit, and a note on symbol size. */
export function Legend({ legend, id }: { legend: LegendSpec; id: string }) {
  const t = useTranslate();
  const unit = t(legend.unitKey);
  return (
    <figure className="legend" aria-labelledby={`${id}-legend-caption`}>
      <figcaption id={`${id}-legend-caption`} className="legend__caption">
        {t(legend.quantityKey)} ({unit})
      </figcaption>
      <ul className="legend__classes">
        {legend.classes.map((c) => {
          const [r, g, b] = c.color;
          const label = c.labelKey
            ? t(c.labelKey)
            : c.to === null
              ? t('layers.legendFrom', { from: c.from })
              : t('layers.legendFromTo', { from: c.from, to: c.to });
          return (
            <li key={c.from} className="legend__class">
              <span
                className="legend__swatch"
                style={{ backgroundColor: `rgb(${r} ${g} ${b})` }}
                aria-hidden="true"
              />
              {label}
            </li>
          );
        })}
      </ul>
      {legend.sizeNoteKey && <p className="legend__note">{t(legend.sizeNoteKey)}</p>}
    </figure>
  );
}
